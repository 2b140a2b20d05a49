package org.pingzhi.jobs.metrics;

import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

/**
 * A {@code pingzhi-metrics-YYYY.MM.DD} document, its fields as the contract names them: times
 * ISO-8601 UTC with milliseconds, response seconds with millisecond precision. Its event time is
 * {@code ts}, which picks the daily index.
 */
public record MinuteMetricDocument(
        String ts,
        String townCode,
        String town,
        String source,
        String category,
        int reported,
        int responded,
        int slaMet,
        int slaBreached,
        double responseSecondsSum,
        Double responseSecondsMax,
        long open) {

    public static MinuteMetricDocument of(MinuteMetric metric) {
        MetricGroup group = metric.group();
        return new MinuteMetricDocument(
                Times.iso(metric.ts()),
                group.townCode(),
                group.town(),
                group.source(),
                group.category(),
                metric.reported(),
                metric.responded(),
                metric.slaMet(),
                metric.slaBreached(),
                metric.responseMillisSum() / 1000.0,
                metric.responseMillisMax() == null ? null : metric.responseMillisMax() / 1000.0,
                metric.open());
    }

    /** The document to write, or — for a minute left with only zeros — its deletion. */
    public static Document render(MinuteMetric metric) {
        if (metric.isZero()) {
            return Document.deletionOf(DocumentKind.METRIC, metric.id(), metric.ts());
        }
        return new Document(
                DocumentKind.METRIC, metric.id(), Json.toString(of(metric)), metric.ts());
    }
}
