package org.pingzhi.simulate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The upstream platforms' ids, numbered per local day: 110 {@code J330482} + yyyyMMdd + a 4-digit
 * sequence, 12345 {@code PH} + yyyyMMdd + a 5-digit sequence (a sequence outgrows its digits only
 * on days busier than the real county's, and stays unique).
 */
final class IdSequencer {

    private final Map<Long, int[]> alarmsPerDay = new HashMap<>();
    private final Map<Long, int[]> ordersPerDay = new HashMap<>();

    String nextAlarmId(long atMillis) {
        return next("J330482", 4, alarmsPerDay, atMillis);
    }

    String nextOrderId(long atMillis) {
        return next("PH", 5, ordersPerDay, atMillis);
    }

    private static String next(String prefix, int digits, Map<Long, int[]> perDay, long atMillis) {
        long day = PinghuTime.localDay(atMillis);
        int sequence = ++perDay.computeIfAbsent(day, d -> new int[1])[0];
        LocalDate date = LocalDate.ofEpochDay(day);
        StringBuilder id = new StringBuilder(prefix.length() + 8 + digits).append(prefix);
        appendPadded(id, date.getYear(), 4);
        appendPadded(id, date.getMonthValue(), 2);
        appendPadded(id, date.getDayOfMonth(), 2);
        appendPadded(id, sequence, digits);
        return id.toString();
    }

    private static void appendPadded(StringBuilder target, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            target.append('0');
        }
        target.append(digits);
    }
}
