package org.pingzhi.simulate;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Local time in Pinghu: China Standard Time, UTC+8 all year (no daylight saving). */
final class PinghuTime {

    static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    /** The 12345 {@code actionTime} format: {@code 2026-11-28T10:15:30+08:00}. */
    static final DateTimeFormatter ACTION_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(OFFSET);

    private static final long OFFSET_MILLIS = OFFSET.getTotalSeconds() * 1000L;
    private static final long DAY_MILLIS = 86_400_000L;

    private PinghuTime() {}

    /** The local day (days since 1970-01-01 in Pinghu) of an instant. */
    static long localDay(long epochMillis) {
        return Math.floorDiv(epochMillis + OFFSET_MILLIS, DAY_MILLIS);
    }

    /** The local time of day, in hours [0, 24), of an instant. */
    static double localHourOfDay(long epochMillis) {
        return Math.floorMod(epochMillis + OFFSET_MILLIS, DAY_MILLIS) / 3_600_000.0;
    }
}
