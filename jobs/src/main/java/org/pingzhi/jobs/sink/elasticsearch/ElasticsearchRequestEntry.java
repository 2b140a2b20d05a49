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
 * <p>The writer gives each write an external {@code version} as it takes it in ({@link
 * #withVersion}); Elasticsearch applies a write only over an older version, so a write that lands
 * late cannot undo a newer one. 0 means not yet given.
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
    private final long version;
    private final int failedAttempts;

    public ElasticsearchRequestEntry(String index, String id, byte[] source) {
        this(index, id, Objects.requireNonNull(source, "source").clone(), 0, 0);
    }

    /** Keeps {@code source} as it is: callers pass a copy or an array nobody else holds. */
    private ElasticsearchRequestEntry(
            String index, String id, byte[] source, long version, int failedAttempts) {
        this.index = Objects.requireNonNull(index, "index");
        this.id = Objects.requireNonNull(id, "id");
        this.source = Objects.requireNonNull(source, "source");
        if (version < 0) {
            throw new IllegalArgumentException("version < 0: " + version);
        }
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts < 0: " + failedAttempts);
        }
        this.version = version;
        this.failedAttempts = failedAttempts;
    }

    /** A write restored from a checkpoint, with the version it had (0: none yet). */
    static ElasticsearchRequestEntry restored(
            String index, String id, byte[] source, long version) {
        return new ElasticsearchRequestEntry(index, id, source, version, 0);
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

    /** The external version of this write, 0 when the writer has not given it one yet. */
    public long version() {
        return version;
    }

    /**
     * How many times in a row this write has failed and been held for another attempt, since the
     * writer took it in or restored it (not kept in checkpoints: a restored write starts afresh).
     */
    public int failedAttempts() {
        return failedAttempts;
    }

    /** This write with external version {@code version}. */
    ElasticsearchRequestEntry withVersion(long version) {
        return new ElasticsearchRequestEntry(index, id, source, version, failedAttempts);
    }

    public DocumentKey key() {
        return new DocumentKey(index, id);
    }

    ElasticsearchRequestEntry afterFailedAttempt() {
        return new ElasticsearchRequestEntry(index, id, source, version, failedAttempts + 1);
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
                && version == other.version
                && failedAttempts == other.failedAttempts
                && Arrays.equals(source, other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, version, failedAttempts, Arrays.hashCode(source));
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
                + ", version="
                + version
                + ", failedAttempts="
                + failedAttempts
                + "}";
    }
}
