package org.pingzhi.jobs.sink.elasticsearch;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * The writer's element converter: the sink's converter, then the write's external version from the
 * writer's {@link WriteVersionClock}, given as the write enters the writer (unless the converter
 * fixed it). Made per writer, never serialized.
 */
final class VersionStampingElementConverter<InputT>
        implements ElementConverter<InputT, ElasticsearchRequestEntry> {

    private static final long serialVersionUID = 1L;

    private final ElementConverter<InputT, ElasticsearchRequestEntry> converter;
    private final transient WriteVersionClock clock;

    VersionStampingElementConverter(
            ElementConverter<InputT, ElasticsearchRequestEntry> converter,
            WriteVersionClock clock) {
        this.converter = Objects.requireNonNull(converter, "converter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void open(WriterInitContext context) {
        converter.open(context);
    }

    @Override
    public ElasticsearchRequestEntry apply(InputT element, SinkWriter.Context context) {
        ElasticsearchRequestEntry write = converter.apply(element, context);
        return write.version() > 0 ? write : write.withVersion(clock.next());
    }
}
