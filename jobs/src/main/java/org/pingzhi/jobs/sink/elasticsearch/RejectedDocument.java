package org.pingzhi.jobs.sink.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A write that Elasticsearch refused for good, with its error: a 400 for that document (mapping
 * conflict, unparsable field, ...), or a 413 for a document too large for any bulk request. Writes
 * that fail for reasons of the cluster are held and retried, never rejected ({@link WriteVerdict}).
 *
 * @param index the target index
 * @param id the document id
 * @param source the document's JSON, UTF-8
 * @param status the HTTP status of the (last) failure
 * @param errorType Elasticsearch's error type, e.g. {@code document_parsing_exception}
 * @param errorReason Elasticsearch's reason
 * @param attempts how many times the write was sent
 */
public record RejectedDocument(
        String index,
        String id,
        byte[] source,
        int status,
        String errorType,
        String errorReason,
        int attempts) {

    public RejectedDocument {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(errorReason, "errorReason");
    }

    static RejectedDocument refused(
            ElasticsearchRequestEntry entry, int status, String errorType, String errorReason) {
        return new RejectedDocument(
                entry.index(),
                entry.id(),
                entry.sourceBytes(),
                status,
                errorType,
                errorReason,
                entry.failedAttempts() + 1);
    }

    public String sourceAsString() {
        return new String(source, StandardCharsets.UTF_8);
    }

    /** Without the source, which can be large: safe for log lines. */
    @Override
    public String toString() {
        return "RejectedDocument{index="
                + index
                + ", id="
                + id
                + ", status="
                + status
                + ", errorType="
                + errorType
                + ", errorReason="
                + errorReason
                + ", attempts="
                + attempts
                + ", sourceBytes="
                + source.length
                + "}";
    }
}
