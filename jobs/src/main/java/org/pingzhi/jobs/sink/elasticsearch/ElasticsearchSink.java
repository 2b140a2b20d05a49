package org.pingzhi.jobs.sink.elasticsearch;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * At-least-once Elasticsearch sink: bulk index requests, batched by count, bytes and time, with
 * back-pressure, retries without limit for what the cluster cannot take for now, and a place for
 * documents refused for good. Writes are full overwrites under deterministic ids with external
 * versions that only move forward, so the duplicates at-least-once allows are harmless and a late
 * write never undoes a newer one; writes to one document reach Elasticsearch in order. Build it
 * with {@link ElasticsearchSinkBuilder}.
 */
public class ElasticsearchSink<InputT> extends AsyncSinkBase<InputT, ElasticsearchRequestEntry> {

    private static final long serialVersionUID = 1L;

    private final ElasticsearchConnection connection;
    private final RetryPolicy retryPolicy;
    private final RejectedDocumentHandler rejectedDocumentHandler;

    ElasticsearchSink(
            ElementConverter<InputT, ElasticsearchRequestEntry> elementConverter,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMS,
            long maxRecordSizeInBytes,
            ElasticsearchConnection connection,
            RetryPolicy retryPolicy,
            RejectedDocumentHandler rejectedDocumentHandler) {
        super(
                elementConverter,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMS,
                maxRecordSizeInBytes);
        this.connection = Objects.requireNonNull(connection, "connection");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.rejectedDocumentHandler =
                Objects.requireNonNull(rejectedDocumentHandler, "rejectedDocumentHandler");
    }

    public static <InputT> ElasticsearchSinkBuilder<InputT> builder() {
        return new ElasticsearchSinkBuilder<>();
    }

    @Override
    public StatefulSinkWriter<InputT, BufferedRequestState<ElasticsearchRequestEntry>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<InputT, BufferedRequestState<ElasticsearchRequestEntry>>
            restoreWriter(
                    WriterInitContext context,
                    Collection<BufferedRequestState<ElasticsearchRequestEntry>> recoveredState)
                    throws IOException {
        WriteVersionClock versions = new WriteVersionClock();
        Collection<BufferedRequestState<ElasticsearchRequestEntry>> restored =
                versions.restore(recoveredState);
        DocumentWriteQueue queue = new DocumentWriteQueue(getMaxBatchSizeInBytes());
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .setRateLimitingStrategy(
                                new DocumentOrderRateLimitingStrategy(
                                        queue, getMaxInFlightRequests(), getMaxBatchSize()))
                        .build();
        return new ElasticsearchSinkWriter<>(
                new VersionStampingElementConverter<>(getElementConverter(), versions),
                context,
                configuration,
                queue,
                restored,
                connection,
                retryPolicy,
                rejectedDocumentHandler);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<ElasticsearchRequestEntry>>
            getWriterStateSerializer() {
        return new ElasticsearchRequestEntryStateSerializer();
    }
}
