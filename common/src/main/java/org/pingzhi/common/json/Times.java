package org.pingzhi.common.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The contract's one time format for outputs: ISO-8601 UTC with milliseconds.
 *
 * <p>Every document carries several of these, written and read on the hot path, so the exact form
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} for years 1970–9999 is printed and parsed by calendar arithmetic
 * instead of {@link DateTimeFormatter}; any other instant or text goes through {@code java.time},
 * with the same result.
 */
public final class Times {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** 9999-12-31T23:59:59.999Z, the last instant with a four-digit year. */
    private static final long LAST_FOUR_DIGIT_YEAR_MILLIS = 253_402_300_799_999L;

    private static final int ISO_MILLIS_LENGTH = "2026-11-28T02:15:30.000Z".length();

    private Times() {}

    /** {@code 2026-11-28T02:15:30.000Z} for the given epoch milliseconds. */
    public static String iso(long epochMillis) {
        if (epochMillis < 0 || epochMillis > LAST_FOUR_DIGIT_YEAR_MILLIS) {
            return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
        }
        long days = epochMillis / MILLIS_PER_DAY;
        int millisOfDay = (int) (epochMillis % MILLIS_PER_DAY);
        long date = civilFromDays(days);
        char[] text = new char[ISO_MILLIS_LENGTH];
        digits(text, 0, (int) (date / 10_000), 4);
        text[4] = '-';
        digits(text, 5, (int) (date / 100 % 100), 2);
        text[7] = '-';
        digits(text, 8, (int) (date % 100), 2);
        text[10] = 'T';
        digits(text, 11, millisOfDay / 3_600_000, 2);
        text[13] = ':';
        digits(text, 14, millisOfDay / 60_000 % 60, 2);
        text[16] = ':';
        digits(text, 17, millisOfDay / 1_000 % 60, 2);
        text[19] = '.';
        digits(text, 20, millisOfDay % 1_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    /** {@link #iso(long)} of a nullable instant: null stays null. */
    public static String isoOrNull(Long epochMillis) {
        return epochMillis == null ? null : iso(epochMillis);
    }

    /** Epoch milliseconds of an ISO-8601 instant ({@link Instant#parse}). */
    public static long parseIso(String iso) {
        long parsed = parseIsoMillis(iso);
        return parsed != NOT_ISO_MILLIS ? parsed : Instant.parse(iso).toEpochMilli();
    }

    private static final long NOT_ISO_MILLIS = Long.MIN_VALUE;

    /** The exact form of {@link #iso(long)} for years 1970–9999, else {@link #NOT_ISO_MILLIS}. */
    private static long parseIsoMillis(String text) {
        if (text.length() != ISO_MILLIS_LENGTH
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(19) != '.'
                || text.charAt(23) != 'Z') {
            return NOT_ISO_MILLIS;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int millis = number(text, 20, 3);
        if (year < 1970
                || month < 1
                || month > 12
                || day < 1
                || day > daysInMonth(year, month)
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || millis < 0) {
            return NOT_ISO_MILLIS;
        }
        return daysFromCivil(year, month, day) * MILLIS_PER_DAY
                + hour * 3_600_000L
                + minute * 60_000L
                + second * 1_000L
                + millis;
    }

    /**
     * The decimal number of {@code length} digits at {@code from}; negative if one is not a digit.
     */
    private static int number(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void digits(char[] text, int from, int value, int length) {
        for (int i = from + length - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    // The two conversions below are the proleptic Gregorian calendar's (H. Hinnant,
    // "chrono-Compatible Low-Level Date Algorithms"), for days on or after 1970-01-01.

    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** The date of an epoch day as {@code yyyyMMdd}. */
    private static long civilFromDays(long epochDay) {
        long z = epochDay + 719_468;
        long era = z / 146_097;
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100L + day;
    }
}
