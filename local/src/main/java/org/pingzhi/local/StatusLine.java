package org.pingzhi.local;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * One status line of {@code ./pingzhi local}: what the command center's day looks like right now.
 *
 * @param recordsIn records read from both input topics so far
 * @param openIncidents incidents neither closed nor cancelled
 * @param slaMetToday incidents reported today whose response met the SLA
 * @param slaBreachedToday incidents reported today that breached it
 * @param openAlerts alerts still OPEN
 * @param deadLetters records dead-lettered so far
 */
public record StatusLine(
        long recordsIn,
        long openIncidents,
        long slaMetToday,
        long slaBreachedToday,
        long openAlerts,
        long deadLetters) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Renders the line, with the input rate measured against the previous line. */
    public String render(LocalTime now, StatusLine previous, double secondsSincePrevious) {
        double rate =
                previous == null || secondsSincePrevious <= 0
                        ? 0
                        : Math.max(0, recordsIn - previous.recordsIn) / secondsSincePrevious;
        return String.format(
                "%s  in %,d rec (%.1f/s) | open incidents %,d | SLA today met %,d breached %,d |"
                        + " open alerts %,d | dead letters %,d",
                CLOCK.format(now),
                recordsIn,
                rate,
                openIncidents,
                slaMetToday,
                slaBreachedToday,
                openAlerts,
                deadLetters);
    }
}
