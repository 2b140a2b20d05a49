package org.pingzhi.jobs.sink.elasticsearch;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/** The sink writer's own metrics, in its operator metric group. */
final class ElasticsearchSinkMetrics {

    static final String BULK_REQUESTS = "esBulkRequests";
    static final String DOCUMENTS_WRITTEN = "esDocumentsWritten";
    static final String RETRIES = "esRetries";
    static final String REJECTED = "esRejected";
    static final String LAST_BULK_LATENCY_MS = "esLastBulkLatencyMs";

    private final Counter bulkRequests;
    private final Counter documentsWritten;
    private final Counter retries;
    private final Counter rejected;

    /** Written by the HTTP client's thread, read by the metric reporters. */
    private volatile long lastBulkLatencyMillis;

    ElasticsearchSinkMetrics(MetricGroup group) {
        bulkRequests = group.counter(BULK_REQUESTS);
        documentsWritten = group.counter(DOCUMENTS_WRITTEN);
        retries = group.counter(RETRIES);
        rejected = group.counter(REJECTED);
        group.gauge(LAST_BULK_LATENCY_MS, (Gauge<Long>) () -> lastBulkLatencyMillis);
    }

    void bulkSent() {
        bulkRequests.inc();
    }

    void bulkAnswered(long latencyMillis) {
        lastBulkLatencyMillis = latencyMillis;
    }

    void bulkCompleted(BulkOutcome outcome) {
        documentsWritten.inc(outcome.written());
        retries.inc(outcome.retries().size());
        rejected.inc(outcome.rejected().size());
    }
}
