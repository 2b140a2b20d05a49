package org.pingzhi.common.normalize;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RFC 3339 {@code date-time} (JSON Schema's {@code format: date-time}) into epoch
 * milliseconds, as strictly as the contract asks: {@code T} separator, seconds required, optional
 * fraction (digits beyond milliseconds are truncated), offset {@code Z} or {@code ±hh:mm} required.
 *
 * <p>As RFC 3339 allows, {@code t} and {@code z} may be lower case and {@code -00:00} means UTC. A
 * leap second ({@code :60}) counts as the last millisecond of its minute, as {@code java.time}
 * does. Offsets beyond ±18:00, which no place uses, are rejected ({@code java.time} cannot hold
 * them).
 */
public final class Rfc3339Timestamps {

    private static final Pattern DATE_TIME =
            Pattern.compile(
                    "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
                            + "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))");

    private static final int LEAP_SECOND = 60;
    private static final int MILLIS_DIGITS = 3;

    private Rfc3339Timestamps() {}

    /** The epoch milliseconds of an RFC 3339 date-time, or empty when it is not one. */
    public static OptionalLong toEpochMillis(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            int second = number(m, 6);
            boolean leap = second == LEAP_SECOND;
            LocalDateTime local =
                    LocalDateTime.of(
                            number(m, 1),
                            number(m, 2),
                            number(m, 3),
                            number(m, 4),
                            number(m, 5),
                            leap ? LEAP_SECOND - 1 : second);
            long millis = leap ? 999 : fractionMillis(m.group(7));
            long epochMillis = local.toInstant(offset(m)).toEpochMilli();
            return OptionalLong.of(epochMillis + millis);
        } catch (DateTimeException e) {
            return OptionalLong.empty(); // e.g. February 30th, hour 24, offset minutes 60
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static long fractionMillis(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String millis = (fraction + "00").substring(0, MILLIS_DIGITS);
        return Long.parseLong(millis);
    }

    private static ZoneOffset offset(Matcher m) {
        if (m.group(8) != null) {
            return ZoneOffset.UTC;
        }
        int sign = "-".equals(m.group(9)) ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * number(m, 10), sign * number(m, 11));
    }
}
