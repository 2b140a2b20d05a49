package org.pingzhi.jobs.sink.elasticsearch;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import java.util.List;

/**
 * What one bulk request did to its batch: how many documents were written or found superseded by a
 * newer version, which writes are held for another attempt (and after how long, and why), which
 * were refused for good — or, when the request itself can never succeed, the exception that fails
 * the job.
 *
 * <p>Nothing is given up for lack of attempts: a write is held for as long as Elasticsearch cannot
 * take it, whether one document or the whole request failed ({@link WriteVerdict}, {@link
 * BulkRequestFailure}); only a document refused on its own merits is rejected. A request too large
 * for the server (413) comes back whole with {@code splitBelowBytes} set, to be sent again in
 * smaller requests; a single document too large for any request is rejected.
 *
 * <p>{@code fatal} is null unless the request can never succeed; then nothing else is set.
 *
 * @param heldBecause the first failure of a held write, for the log; null when none was held
 * @param splitBelowBytes when positive, the byte limit of the requests the retries go in
 */
record BulkOutcome(
        int written,
        int superseded,
        List<ElasticsearchRequestEntry> retries,
        long retryDelayMillis,
        String heldBecause,
        long splitBelowBytes,
        List<RejectedDocument> rejected,
        ElasticsearchSinkException fatal) {

    static BulkOutcome ofResponse(
            List<ElasticsearchRequestEntry> batch, BulkResponse response, RetryPolicy policy) {
        List<BulkResponseItem> items = response.items();
        if (items.size() != batch.size()) {
            return fatal(
                    new ElasticsearchSinkException(
                            "Bulk response has "
                                    + items.size()
                                    + " items for "
                                    + batch.size()
                                    + " operations"));
        }
        int written = 0;
        int superseded = 0;
        String heldBecause = null;
        List<ElasticsearchRequestEntry> retries = new ArrayList<>();
        List<RejectedDocument> rejected = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ElasticsearchRequestEntry entry = batch.get(i);
            BulkResponseItem item = items.get(i);
            ErrorCause error = item.error();
            String errorType = error == null ? null : error.type();
            switch (WriteVerdict.of(entry.isDeletion(), item.status(), errorType)) {
                case WRITTEN -> written++;
                case SUPERSEDED -> superseded++;
                case REFUSED ->
                        rejected.add(
                                RejectedDocument.refused(
                                        entry,
                                        item.status(),
                                        errorType,
                                        String.valueOf(error.reason())));
                case HELD -> {
                    retries.add(entry.afterFailedAttempt());
                    if (heldBecause == null) {
                        heldBecause =
                                "document answered "
                                        + item.status()
                                        + ", "
                                        + errorType
                                        + ": "
                                        + error.reason();
                    }
                }
            }
        }
        return new BulkOutcome(
                written,
                superseded,
                retries,
                delayFor(retries, policy),
                heldBecause,
                0,
                rejected,
                null);
    }

    static BulkOutcome ofFailure(
            List<ElasticsearchRequestEntry> batch, Throwable failure, RetryPolicy policy) {
        BulkRequestFailure cause = BulkRequestFailure.of(failure);
        if (cause.tooLarge()) {
            return tooLarge(batch, cause);
        }
        if (!cause.retryable()) {
            return fatal(
                    new ElasticsearchSinkException(
                            "Elasticsearch refused a bulk request, not retryable: "
                                    + cause.describe(),
                            failure));
        }
        List<ElasticsearchRequestEntry> retries = new ArrayList<>(batch.size());
        for (ElasticsearchRequestEntry entry : batch) {
            retries.add(entry.afterFailedAttempt());
        }
        return new BulkOutcome(
                0,
                0,
                retries,
                delayFor(retries, policy),
                "bulk request failed, " + cause.describe(),
                0,
                List.of(),
                null);
    }

    /** Half the batch's bytes for the next requests; a single document cannot be split. */
    private static BulkOutcome tooLarge(
            List<ElasticsearchRequestEntry> batch, BulkRequestFailure cause) {
        if (batch.size() == 1) {
            RejectedDocument rejected =
                    RejectedDocument.refused(
                            batch.get(0), cause.status(), cause.type(), cause.reason());
            return new BulkOutcome(0, 0, List.of(), 0, null, 0, List.of(rejected), null);
        }
        long bytes = 0;
        for (ElasticsearchRequestEntry entry : batch) {
            bytes += entry.sizeInBytes();
        }
        return new BulkOutcome(
                0,
                0,
                batch,
                0,
                "bulk request of " + bytes + " bytes too large, " + cause.describe(),
                Math.max(1, bytes / 2),
                List.of(),
                null);
    }

    private static BulkOutcome fatal(ElasticsearchSinkException exception) {
        return new BulkOutcome(0, 0, List.of(), 0, null, 0, List.of(), exception);
    }

    /** The longest backoff any of the retried writes is due, so that none is retried too soon. */
    private static long delayFor(List<ElasticsearchRequestEntry> retries, RetryPolicy policy) {
        int mostFailures = 0;
        for (ElasticsearchRequestEntry entry : retries) {
            mostFailures = Math.max(mostFailures, entry.failedAttempts());
        }
        return mostFailures == 0 ? 0 : policy.backoffMillis(mostFailures);
    }
}
