package org.pingzhi.simulate;

import java.util.function.Consumer;

/**
 * How the upstream links deliver a record: most on time; some late by seconds, a few by minutes
 * (out of order in the stream); some twice (at-least-once); a few broken on the way.
 */
final class Delivery {

    /** Share of records replaced by a malformed version (one defect each). */
    static final double MALFORMED_SHARE = 0.002;

    /** Share of valid records sent a second time, identical, a little later. */
    static final double DUPLICATE_SHARE = 0.01;

    /** Share of valid records late by seconds. */
    static final double LATE_BY_SECONDS_SHARE = 0.04;

    /** Share of valid records late by minutes. */
    static final double LATE_BY_MINUTES_SHARE = 0.01;

    /** The most a record is sent after its event time: lateness, then a redelivery's delay. */
    static final long MAX_DELAY_MILLIS = 300_000 + 120_000;

    private Delivery() {}

    static void deliver(PlannedRecord planned, Dice dice, Consumer<SimulatedRecord> out) {
        long eventTime = planned.eventTimeMillis();
        if (dice.chance(MALFORMED_SHARE)) {
            Malformer.Malformed broken = Malformer.malform(planned, dice);
            out.accept(
                    new SimulatedRecord(
                            planned.source(),
                            planned.key(),
                            broken.value(),
                            eventTime,
                            eventTime,
                            false,
                            broken.reason()));
            return;
        }
        double lateness = dice.fraction();
        long emitAt =
                eventTime
                        + (lateness < LATE_BY_SECONDS_SHARE
                                ? dice.between(2_000, 59_999)
                                : lateness < LATE_BY_SECONDS_SHARE + LATE_BY_MINUTES_SHARE
                                        ? dice.between(60_000, 300_000)
                                        : 0);
        SimulatedRecord record =
                new SimulatedRecord(
                        planned.source(),
                        planned.key(),
                        planned.fields().toJson(),
                        emitAt,
                        eventTime,
                        false,
                        null);
        out.accept(record);
        if (dice.chance(DUPLICATE_SHARE)) {
            out.accept(record.redelivered(emitAt + dice.between(1_000, 120_000)));
        }
    }
}
