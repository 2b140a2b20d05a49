package org.pingzhi.jobs.sink.elasticsearch;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/** The sink writer's own metrics, in its operator metric group. */
final class ElasticsearchSinkMetrics {

    static final String BULK_REQUESTS = "esBulkRequests";
    static final String DOCUMENTS_WRITTEN = "esDocumentsWritten";

    /**
     * Writes Elasticsearch did not apply because it already had this version or a newer one (e.g.
     * the retry of a write whose answer was lost): done.
     */
    static final String SUPERSEDED = "esSuperseded";

    /** Failed attempts of writes that were held for another one. */
    static final String RETRIES = "esRetries";

    static final String REJECTED = "esRejected";

    /** Bulk requests answered 413 and sent again in smaller ones. */
    static final String SPLITS = "esBulkSplits";

    static final String LAST_BULK_LATENCY_MS = "esLastBulkLatencyMs";

    /** Documents whose latest write is held, waiting for Elasticsearch to take it. */
    static final String HELD_DOCUMENTS = "esHeldDocuments";

    /** Age of the oldest held write (since it entered the writer), 0 when none is held. */
    static final String OLDEST_HELD_AGE_MS = "esOldestHeldAgeMs";

    private final Counter bulkRequests;
    private final Counter documentsWritten;
    private final Counter superseded;
    private final Counter retries;
    private final Counter rejected;
    private final Counter splits;

    /** Written by the HTTP client's thread, read by the metric reporters. */
    private volatile long lastBulkLatencyMillis;

    ElasticsearchSinkMetrics(MetricGroup group, HeldWrites held) {
        bulkRequests = group.counter(BULK_REQUESTS);
        documentsWritten = group.counter(DOCUMENTS_WRITTEN);
        superseded = group.counter(SUPERSEDED);
        retries = group.counter(RETRIES);
        rejected = group.counter(REJECTED);
        splits = group.counter(SPLITS);
        group.gauge(LAST_BULK_LATENCY_MS, (Gauge<Long>) () -> lastBulkLatencyMillis);
        group.gauge(HELD_DOCUMENTS, (Gauge<Integer>) held::documents);
        group.gauge(OLDEST_HELD_AGE_MS, (Gauge<Long>) held::oldestAgeMillis);
    }

    void bulkSent() {
        bulkRequests.inc();
    }

    void bulkAnswered(long latencyMillis) {
        lastBulkLatencyMillis = latencyMillis;
    }

    void bulkCompleted(BulkOutcome outcome) {
        documentsWritten.inc(outcome.written());
        superseded.inc(outcome.superseded());
        retries.inc(outcome.retries().size());
        rejected.inc(outcome.rejected().size());
        if (outcome.splitBelowBytes() > 0) {
            splits.inc();
        }
    }
}
