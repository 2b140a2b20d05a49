package org.pingzhi.jobs.sink.elasticsearch;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One buffered write: index the JSON {@code source} under {@code id} in {@code index}, replacing
 * what was there (idempotent, so replays and restarts overwrite instead of duplicating), or, with
 * an empty source, delete that document (also idempotent: deleting nothing is no error).
 *
 * <p>Immutable; {@link #afterFailedAttempt()} gives the copy that is queued again after a failure.
 */
public final class ElasticsearchRequestEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Bytes of a bulk action line besides index and id: {"index":{"_index":"","_id":""}} + 2 \n.
     */
    private static final int ACTION_LINE_OVERHEAD = 32;

    private final String index;
    private final String id;
    private final byte[] source;
    private final int failedAttempts;

    public ElasticsearchRequestEntry(String index, String id, byte[] source) {
        this(index, id, source, 0);
    }

    ElasticsearchRequestEntry(String index, String id, byte[] source, int failedAttempts) {
        this.index = Objects.requireNonNull(index, "index");
        this.id = Objects.requireNonNull(id, "id");
        this.source = Objects.requireNonNull(source, "source").clone();
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts < 0: " + failedAttempts);
        }
        this.failedAttempts = failedAttempts;
    }

    /** A write that deletes {@code id} from {@code index}. */
    public static ElasticsearchRequestEntry deletion(String index, String id) {
        return new ElasticsearchRequestEntry(index, id, new byte[0]);
    }

    /** Whether this write deletes the document rather than indexing it. */
    public boolean isDeletion() {
        return source.length == 0;
    }

    public String index() {
        return index;
    }

    public String id() {
        return id;
    }

    /** The document's JSON, UTF-8. */
    public byte[] source() {
        return source.clone();
    }

    /** How many times Elasticsearch has failed this write with a retryable error. */
    public int failedAttempts() {
        return failedAttempts;
    }

    public DocumentKey key() {
        return new DocumentKey(index, id);
    }

    ElasticsearchRequestEntry afterFailedAttempt() {
        return new ElasticsearchRequestEntry(index, id, source, failedAttempts + 1);
    }

    /** What this write adds to a bulk request body, approximately. */
    long sizeInBytes() {
        return source.length + utf8Length(index) + utf8Length(id) + ACTION_LINE_OVERHEAD;
    }

    /** The source without a defensive copy, for the request body and the state serializer. */
    byte[] sourceBytes() {
        return source;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElasticsearchRequestEntry other
                && index.equals(other.index)
                && id.equals(other.id)
                && failedAttempts == other.failedAttempts
                && Arrays.equals(source, other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, failedAttempts, Arrays.hashCode(source));
    }

    /** Without the source, which can be large. */
    @Override
    public String toString() {
        return "ElasticsearchRequestEntry{index="
                + index
                + ", id="
                + id
                + ", sourceBytes="
                + source.length
                + ", failedAttempts="
                + failedAttempts
                + "}";
    }
}
