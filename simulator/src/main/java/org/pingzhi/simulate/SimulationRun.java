package org.pingzhi.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sends the simulator's records to a sink, paced against the wall clock, with a status line every
 * few seconds, until the traffic ends or a stop is requested.
 */
final class SimulationRun {

    static final long STATUS_EVERY_MILLIS = 5_000;

    private final Iterable<SimulatedRecord> records;
    private final Pacer pacer;
    private final Clock clock;
    private final CountDownLatch stopRequested;
    private final PrintStream status;
    private final SentCounts sent = new SentCounts();
    private long lastEmitAt;
    private long nextStatusAt;

    SimulationRun(
            Iterable<SimulatedRecord> records,
            Pacer pacer,
            Clock clock,
            CountDownLatch stopRequested,
            PrintStream status) {
        this.records = records;
        this.pacer = pacer;
        this.clock = clock;
        this.stopRequested = stopRequested;
        this.status = status;
        this.lastEmitAt = pacer.simulatedOrigin();
    }

    /** Sends until the end or a stop; returns what was sent. The caller closes the sink. */
    SentCounts sendAll(RecordSink sink) throws IOException {
        nextStatusAt = clock.millis() + STATUS_EVERY_MILLIS;
        for (SimulatedRecord record : records) {
            if (!awaitDue(record.emitAtMillis())) {
                break;
            }
            sink.send(record);
            sent.add(record);
            lastEmitAt = record.emitAtMillis();
            printStatusIfDue();
        }
        return sent;
    }

    /** The simulated clock now: the pacer's, or the last record's when running flat out. */
    long simulatedNow() {
        return Double.isInfinite(pacer.speed())
                ? lastEmitAt
                : Math.max(lastEmitAt, pacer.simulatedAt(clock.millis()));
    }

    /** Waits until the record is due; false if a stop was requested meanwhile. */
    private boolean awaitDue(long emitAt) {
        for (long wait = pacer.millisUntilDue(emitAt, clock.millis());
                wait > 0;
                wait = pacer.millisUntilDue(emitAt, clock.millis())) {
            try {
                if (stopRequested.await(
                        Math.min(wait, STATUS_EVERY_MILLIS), TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            printStatusIfDue();
        }
        return stopRequested.getCount() > 0;
    }

    private void printStatusIfDue() {
        long now = clock.millis();
        if (now >= nextStatusAt) {
            status.println("simulate: " + sent.line(simulatedNow()));
            nextStatusAt = now + STATUS_EVERY_MILLIS;
        }
    }
}
