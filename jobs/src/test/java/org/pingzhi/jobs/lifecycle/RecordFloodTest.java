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
        harness.send(police("J1", "RECEIVED", T0 - FLOOD * 1000L).build());
        long started = System.nanoTime();
        for (int i = 0; i < FLOOD; i++) {
            harness.send(police("J1", "DISPATCHED", T0 - i * 1000L).build());
        }
        long elapsed = System.nanoTime() - started;
        int written = harness.drain().size();
        System.out.printf(
                "record flood: %d records, %.1f µs per record, %d documents emitted%n",
                FLOOD, elapsed / 1000.0 / FLOOD, written);

        assertThat(harness.incident("110-J1").get("dispatchedAt").asText())
                .isEqualTo(Times.iso(T0 - (FLOOD - 1) * 1000L));
        assertThat(harness.stateEntries())
                .as("records within the cap, plus the memo")
                .isLessThanOrEqualTo(LifecycleSettings.DEFAULT_MAX_RECORDS + 1);
        assertThat(MINUTE).isPositive();
        harness.close();
    }
}
