package org.pingzhi.jobs.sink.elasticsearch;

import java.util.Objects;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.sink.AsyncSinkBaseBuilder;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.pingzhi.common.model.Document;

/**
 * Builds an {@link ElasticsearchSink}. The connection and the element converter are required;
 * everything else has the defaults of {@link ElasticsearchOptions}.
 *
 * <pre>{@code
 * ElasticsearchSink<Document> sink =
 *         ElasticsearchSinkBuilder.forDocuments(config)      // all pingzhi.elasticsearch.* options
 *                 .setRejectedDocumentHandler(handler)       // default: log
 *                 .build();
 * }</pre>
 */
public class ElasticsearchSinkBuilder<InputT>
        extends AsyncSinkBaseBuilder<
                InputT, ElasticsearchRequestEntry, ElasticsearchSinkBuilder<InputT>> {

    private ElementConverter<InputT, ElasticsearchRequestEntry> elementConverter;
    private ElasticsearchConnection connection;
    private RetryPolicy retryPolicy =
            new RetryPolicy(
                    ElasticsearchOptions.RETRY_INITIAL_BACKOFF.defaultValue(),
                    ElasticsearchOptions.RETRY_MAX_BACKOFF.defaultValue());
    private RejectedDocumentHandler rejectedDocumentHandler = new LoggingRejectedDocumentHandler();

    /**
     * A sink of the project's output {@link Document}s into the contract's indices, configured from
     * every {@link ElasticsearchOptions} option in {@code config}.
     */
    public static ElasticsearchSinkBuilder<Document> forDocuments(ReadableConfig config) {
        return new ElasticsearchSinkBuilder<Document>()
                .setElementConverter(
                        new DocumentElementConverter(config.get(ElasticsearchOptions.INDEX_PREFIX)))
                .configure(config);
    }

    /** Connection, bulk limits and retries from the {@link ElasticsearchOptions} in config. */
    public ElasticsearchSinkBuilder<InputT> configure(ReadableConfig config) {
        return setConnection(ElasticsearchConnection.fromConfiguration(config))
                .setMaxBatchSize(config.get(ElasticsearchOptions.BULK_MAX_ACTIONS))
                .setMaxBatchSizeInBytes(config.get(ElasticsearchOptions.BULK_MAX_BYTES).getBytes())
                .setMaxTimeInBufferMS(
                        config.get(ElasticsearchOptions.BULK_FLUSH_INTERVAL).toMillis())
                .setMaxInFlightRequests(config.get(ElasticsearchOptions.BULK_MAX_IN_FLIGHT))
                .setMaxBufferedRequests(config.get(ElasticsearchOptions.BULK_MAX_BUFFERED))
                .setRetryPolicy(
                        new RetryPolicy(
                                config.get(ElasticsearchOptions.RETRY_INITIAL_BACKOFF),
                                config.get(ElasticsearchOptions.RETRY_MAX_BACKOFF)));
    }

    public ElasticsearchSinkBuilder<InputT> setElementConverter(
            ElementConverter<InputT, ElasticsearchRequestEntry> elementConverter) {
        this.elementConverter = Objects.requireNonNull(elementConverter, "elementConverter");
        return this;
    }

    public ElasticsearchSinkBuilder<InputT> setConnection(ElasticsearchConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        return this;
    }

    public ElasticsearchSinkBuilder<InputT> setRetryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    public ElasticsearchSinkBuilder<InputT> setRejectedDocumentHandler(
            RejectedDocumentHandler rejectedDocumentHandler) {
        this.rejectedDocumentHandler =
                Objects.requireNonNull(rejectedDocumentHandler, "rejectedDocumentHandler");
        return this;
    }

    @Override
    public ElasticsearchSink<InputT> build() {
        if (elementConverter == null || connection == null) {
            throw new IllegalStateException(
                    "an Elasticsearch sink needs an element converter and a connection");
        }
        long maxBatchSizeInBytes =
                orDefault(
                        getMaxBatchSizeInBytes(),
                        ElasticsearchOptions.BULK_MAX_BYTES.defaultValue().getBytes());
        return new ElasticsearchSink<>(
                elementConverter,
                orDefault(getMaxBatchSize(), ElasticsearchOptions.BULK_MAX_ACTIONS.defaultValue()),
                orDefault(
                        getMaxInFlightRequests(),
                        ElasticsearchOptions.BULK_MAX_IN_FLIGHT.defaultValue()),
                orDefault(
                        getMaxBufferedRequests(),
                        ElasticsearchOptions.BULK_MAX_BUFFERED.defaultValue()),
                maxBatchSizeInBytes,
                orDefault(
                        getMaxTimeInBufferMS(),
                        ElasticsearchOptions.BULK_FLUSH_INTERVAL.defaultValue().toMillis()),
                // a single document may fill a whole bulk request
                orDefault(getMaxRecordSizeInBytes(), maxBatchSizeInBytes),
                connection,
                retryPolicy,
                rejectedDocumentHandler);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
