package org.pingzhi.jobs.sink.elasticsearch;

import java.util.Set;

/**
 * What Elasticsearch's answer to one write of a bulk request means for that write.
 *
 * <p>Only a write Elasticsearch refuses on its own merits is {@link #REFUSED} (and dead-lettered):
 * a 400 for that document (mapping conflict, unparsable field, an illegal value). Everything that
 * depends on the cluster rather than on the document — overload (429), server errors (5xx), a
 * read-only or flood-stage block ({@code cluster_block_exception}, 403 or 429), a missing privilege
 * (403), a missing index with auto-create off (404), a shard limit reached on creating a daily
 * index (400 {@code validation_exception}) and any answer not known here — is {@link #HELD}:
 * retried with backoff for as long as it takes, since an operator fixing the cluster makes it pass.
 */
enum WriteVerdict {
    /** Applied, or (a delete) nothing there to delete. */
    WRITTEN,
    /** Not applied because this version or a newer one is already there: nothing to do. */
    SUPERSEDED,
    /** Not applied for now; try again later. */
    HELD,
    /** Never going to be applied: for the rejected-document handler. */
    REFUSED;

    private static final int HTTP_BAD_REQUEST = 400;
    private static final int HTTP_NOT_FOUND = 404;
    private static final int HTTP_CONFLICT = 409;

    /** 400 answers that are about the cluster, not the document. */
    private static final Set<String> CLUSTER_LEVEL_BAD_REQUESTS = Set.of("validation_exception");

    /**
     * @param errorType Elasticsearch's error type of the item, null when the item has no error
     */
    static WriteVerdict of(boolean deletion, int status, String errorType) {
        if (errorType == null || deletion && status == HTTP_NOT_FOUND) {
            // a delete of what is not there (document or index) has nothing left to do
            return WRITTEN;
        }
        if (status == HTTP_CONFLICT) {
            // only a versioned write conflicts, and only with a version at least as new
            return SUPERSEDED;
        }
        if (status == HTTP_BAD_REQUEST && !CLUSTER_LEVEL_BAD_REQUESTS.contains(errorType)) {
            return REFUSED;
        }
        return HELD;
    }
}
