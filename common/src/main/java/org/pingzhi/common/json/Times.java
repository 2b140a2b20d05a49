package org.pingzhi.common.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The contract's one time format for outputs: ISO-8601 UTC with milliseconds. */
public final class Times {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    /** {@code 2026-11-28T02:15:30.000Z} for the given epoch milliseconds. */
    public static String iso(long epochMillis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** {@link #iso(long)} of a nullable instant: null stays null. */
    public static String isoOrNull(Long epochMillis) {
        return epochMillis == null ? null : iso(epochMillis);
    }

    public static long parseIso(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
