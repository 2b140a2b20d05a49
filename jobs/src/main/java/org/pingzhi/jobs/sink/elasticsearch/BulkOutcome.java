package org.pingzhi.jobs.sink.elasticsearch;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import java.util.List;

/**
 * What one bulk request did to its batch: how many documents were written, which writes go back to
 * the queue for another attempt (and after how long), which were refused for good — or, when the
 * request itself failed beyond repair, the exception that fails the job.
 *
 * <p>Retry budget: a write that fails with a retryable item status once too often is rejected
 * ({@link RejectedDocument#RETRIES_EXHAUSTED}). A whole request that keeps failing (Elasticsearch
 * unreachable or overloaded) fails the job instead: dead-lettering everything during an outage
 * would strand the documents, whereas a restart from the checkpoint writes them once the cluster is
 * back (Flink's restart strategy paces the attempts).
 *
 * <p>{@code fatal} is null unless the request failed beyond repair; then nothing else is set.
 */
record BulkOutcome(
        int written,
        List<ElasticsearchRequestEntry> retries,
        long retryDelayMillis,
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
        List<ElasticsearchRequestEntry> retries = new ArrayList<>();
        List<RejectedDocument> rejected = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ElasticsearchRequestEntry entry = batch.get(i);
            BulkResponseItem item = items.get(i);
            ErrorCause error = item.error();
            if (error == null || entry.isDeletion() && item.status() == 404) {
                // a delete of what is not there (document or index) has nothing left to do
                written++;
            } else if (!RetryPolicy.isRetryableStatus(item.status())) {
                rejected.add(
                        RejectedDocument.refused(
                                entry,
                                item.status(),
                                error.type(),
                                String.valueOf(error.reason())));
            } else if (policy.allowsAnotherAttempt(entry.failedAttempts() + 1)) {
                retries.add(entry.afterFailedAttempt());
            } else {
                rejected.add(
                        RejectedDocument.retriesExhausted(
                                entry,
                                item.status(),
                                error.type(),
                                String.valueOf(error.reason())));
            }
        }
        return new BulkOutcome(written, retries, delayFor(retries, policy), rejected, null);
    }

    static BulkOutcome ofFailure(
            List<ElasticsearchRequestEntry> batch, Throwable failure, RetryPolicy policy) {
        BulkRequestFailure cause = BulkRequestFailure.of(failure);
        if (!cause.retryable()) {
            return fatal(
                    new ElasticsearchSinkException(
                            "Elasticsearch refused a bulk request, not retryable: "
                                    + cause.describe(),
                            failure));
        }
        List<ElasticsearchRequestEntry> retries = new ArrayList<>(batch.size());
        for (ElasticsearchRequestEntry entry : batch) {
            if (!policy.allowsAnotherAttempt(entry.failedAttempts() + 1)) {
                return fatal(
                        new ElasticsearchSinkException(
                                "Elasticsearch unavailable: a bulk request failed "
                                        + (entry.failedAttempts() + 1)
                                        + " times in a row; last failure: "
                                        + cause.describe(),
                                failure));
            }
            retries.add(entry.afterFailedAttempt());
        }
        return new BulkOutcome(0, retries, delayFor(retries, policy), List.of(), null);
    }

    private static BulkOutcome fatal(ElasticsearchSinkException exception) {
        return new BulkOutcome(0, List.of(), 0, List.of(), exception);
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
