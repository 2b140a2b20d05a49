package org.pingzhi.jobs.sink.elasticsearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.pingzhi.common.model.DocumentKind;

/**
 * The contract's index names: {@code <prefix><kind>} ({@code pingzhi-incidents}), and for metrics
 * one index a UTC day of the document's event time ({@code pingzhi-metrics-2026.11.28}).
 */
public final class IndexNames {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private IndexNames() {}

    /** The index a document of {@code kind} with this event time (epoch millis) belongs to. */
    public static String index(String prefix, DocumentKind kind, long eventTime) {
        String name = prefix + kind.baseName();
        return isDaily(kind) ? name + "-" + DAY.format(Instant.ofEpochMilli(eventTime)) : name;
    }

    /** The index pattern covering every index of {@code kind}, for its index template. */
    public static String pattern(String prefix, DocumentKind kind) {
        String name = prefix + kind.baseName();
        return isDaily(kind) ? name + "-*" : name;
    }

    private static boolean isDaily(DocumentKind kind) {
        return kind == DocumentKind.METRIC;
    }
}
