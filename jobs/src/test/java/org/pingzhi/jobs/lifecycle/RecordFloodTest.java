package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.T0;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Times;

/**
 * A looping upstream floods one incident with DISPATCHED records of ever earlier event times: each
 * one is the new earliest of its status, so the cap keeps it. The operator stays within its cap and
 * ends right; the cost per record of the flood is printed (not asserted).
 */
class RecordFloodTest {

    private static final int FLOOD = 4_000;

    @Test
    void aFloodOfEverEarlierRecordsStaysWithinTheCapAndEndsRight() throws Exception {
        LifecycleHarness harness = new LifecycleHarness(LifecycleSettings.live());
        flood(harness, "J0");
        harness.drain();
        long started = System.nanoTime();
        flood(harness, "J1");
        long elapsed = System.nanoTime() - started;
        int written = harness.drain().size();
        System.out.printf(
                "record flood: %d records, %.1f µs per record, %d documents emitted%n",
                FLOOD, elapsed / 1000.0 / FLOOD, written);

        assertThat(harness.incident("110-J1").get("dispatchedAt").asText())
                .isEqualTo(Times.iso(T0 - (FLOOD - 1) * 1000L));
        assertThat(harness.stateEntries())
                .as("for each incident: records within the cap, plus the memo")
                .isLessThanOrEqualTo(2 * (LifecycleSettings.DEFAULT_MAX_RECORDS + 1));
        assertThat(MINUTE).isPositive();
        harness.close();
    }

    /** A report, then the flood (the first incident warms the JIT up for the second). */
    private static void flood(LifecycleHarness harness, String alarmId) throws Exception {
        harness.send(police(alarmId, "RECEIVED", T0 - FLOOD * 1000L).build());
        for (int i = 0; i < FLOOD; i++) {
            harness.send(police(alarmId, "DISPATCHED", T0 - i * 1000L).build());
        }
    }
}
