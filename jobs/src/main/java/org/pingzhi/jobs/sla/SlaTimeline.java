package org.pingzhi.jobs.sla;

/**
 * The instants of an incident's response clock, epoch milliseconds.
 *
 * @param reportedAt clock start
 * @param targetMillis the policy's response target
 */
public record SlaTimeline(long reportedAt, long targetMillis) {

    public SlaTimeline {
        if (targetMillis <= 0) {
            throw new IllegalArgumentException("An SLA target must be positive: " + targetMillis);
        }
    }

    /** 80 % of the target (exact for targets in whole seconds, else rounded down). */
    public long warnAt() {
        return reportedAt + targetMillis * 4 / 5;
    }

    /** The deadline: BREACH and escalation to TOWN. */
    public long deadline() {
        return reportedAt + targetMillis;
    }

    /** Twice the target: escalation to CITY. */
    public long cityAt() {
        return reportedAt + 2 * targetMillis;
    }

    public long targetSeconds() {
        return targetMillis / 1000;
    }

    /** Seconds from the clock start to {@code instant}, with millisecond precision. */
    public double secondsSinceReport(long instant) {
        return (instant - reportedAt) / 1000.0;
    }
}
