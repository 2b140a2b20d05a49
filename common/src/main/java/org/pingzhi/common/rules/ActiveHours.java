package org.pingzhi.common.rules;

import java.io.Serializable;
import java.util.Locale;

/**
 * A daily stretch of local (UTC+8) time, {@code [from, to)}, that may wrap midnight; {@code to} may
 * be 24:00. {@link #ALL_DAY} when a rule gives none.
 *
 * @param fromMinute minutes after local midnight, 0..1439
 * @param toMinute minutes after local midnight, 1..1440, never equal to {@code fromMinute}
 */
public record ActiveHours(int fromMinute, int toMinute) implements Serializable {

    private static final long serialVersionUID = 1L;

    static final long DAY_MILLIS = 86_400_000L;
    private static final long MINUTE_MILLIS = 60_000L;
    private static final long LOCAL_OFFSET_MILLIS = 8 * 3_600_000L;

    public static final ActiveHours ALL_DAY = new ActiveHours(0, 1440);

    public ActiveHours {
        if (fromMinute < 0 || fromMinute > 1439 || toMinute < 1 || toMinute > 1440) {
            throw new IllegalArgumentException("active hours out of range");
        }
        if (fromMinute == toMinute) {
            throw new IllegalArgumentException("active hours from and to are equal");
        }
    }

    /** Whether the instant lies within these hours. */
    public boolean contains(long epochMillis) {
        long ofDay = millisOfLocalDay(epochMillis);
        long from = fromMinute * MINUTE_MILLIS;
        long to = toMinute * MINUTE_MILLIS;
        return from < to ? ofDay >= from && ofDay < to : ofDay >= from || ofDay < to;
    }

    /** The first instant at or after {@code epochMillis} that lies within these hours. */
    public long firstAtOrAfter(long epochMillis) {
        if (contains(epochMillis)) {
            return epochMillis;
        }
        long localDayStart = epochMillis - millisOfLocalDay(epochMillis);
        long from = localDayStart + fromMinute * MINUTE_MILLIS;
        return from > epochMillis ? from : from + DAY_MILLIS;
    }

    /** {@code HH:MM-HH:MM}, as the rules file writes it. */
    @Override
    public String toString() {
        return hhmm(fromMinute) + "-" + hhmm(toMinute);
    }

    private static String hhmm(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    private static long millisOfLocalDay(long epochMillis) {
        return Math.floorMod(epochMillis + LOCAL_OFFSET_MILLIS, DAY_MILLIS);
    }
}
