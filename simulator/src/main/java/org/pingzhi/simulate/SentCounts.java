package org.pingzhi.simulate;

import java.time.Instant;
import java.util.Locale;
import org.pingzhi.common.model.Source;

/**
 * What a run has sent so far, per source, and the simulated clock: the status line of {@code
 * pingzhi simulate}. Counts only: never a record's content (it holds names and phone numbers).
 */
final class SentCounts {

    private long hotline;
    private long police;

    void add(SimulatedRecord record) {
        if (record.source() == Source.HOTLINE_12345) {
            hotline++;
        } else {
            police++;
        }
    }

    long hotline() {
        return hotline;
    }

    long police() {
        return police;
    }

    long total() {
        return hotline + police;
    }

    /** e.g. {@code sent 12345: 1,204 110: 803 | simulated clock 2026-11-28 10:15:00 +08:00}. */
    String line(long simulatedAt) {
        return String.format(
                Locale.ROOT,
                "sent 12345: %,d  110: %,d  | simulated clock %s",
                hotline,
                police,
                clock(simulatedAt));
    }

    static String clock(long simulatedAt) {
        return PinghuTime.ACTION_TIME.format(Instant.ofEpochMilli(simulatedAt)).replace('T', ' ');
    }
}
