package org.pingzhi.jobs.metrics;

/**
 * One minute of one group as its metric document says it (contract "What a metric document
 * counts"); with every count 0 it says the document is to be deleted.
 *
 * @param ts the minute's start, epoch milliseconds
 * @param group town, own source and category
 * @param responseMillisSum the responses' report-to-response milliseconds, summed
 * @param responseMillisMax the longest of them, null with none responded
 * @param open incidents of the group open at the minute's end
 */
public record MinuteMetric(
        long ts,
        MetricGroup group,
        int reported,
        int responded,
        int slaMet,
        int slaBreached,
        long responseMillisSum,
        Long responseMillisMax,
        long open) {

    static MinuteMetric of(long minuteStart, MetricGroup group, MinuteCounts counts, long open) {
        return new MinuteMetric(
                minuteStart,
                group,
                counts.reported(),
                counts.responded(),
                counts.slaMet(),
                counts.slaBreached(),
                counts.responseMillisSum(),
                counts.responseMillisMax(),
                open);
    }

    /** The document id: {@code <minuteStartEpochMillis>:<townCode>:<source>:<category>}. */
    public String id() {
        return ts + ":" + group.key();
    }

    /** Whether every count is 0: no document exists for such a minute. */
    public boolean isZero() {
        return reported == 0 && responded == 0 && slaMet == 0 && slaBreached == 0;
    }
}
