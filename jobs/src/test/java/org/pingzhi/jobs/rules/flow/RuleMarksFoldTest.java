package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.pingzhi.jobs.escalation.EscalationMarks;

class RuleMarksFoldTest {

    private static final long WINDOW = 30 * 60_000L;

    private static KeyedOneInputStreamOperatorTestHarness<String, RuleMark, EscalationMarks>
            harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new RuleMarksFold()),
                RuleMark::incidentId,
                Types.STRING);
    }

    /** The mark of {@code ruleId} made at {@code at}, by a rule of window {@link #WINDOW}. */
    private static RuleMark held(String ruleId, String level, long at) {
        return RuleMark.held("110-J1", ruleId, level, at + WINDOW);
    }

    @Test
    void thatARuleCountedTheIncidentPassesAsItComesAndKeepsNothing() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, RuleMark, EscalationMarks> harness =
                harness();
        try {
            harness.open();
            harness.processElement(new StreamRecord<>(RuleMark.counted("110-J1", WINDOW), 0L));

            List<EscalationMarks> out = harness.extractOutputValues();
            assertThat(out).hasSize(1);
            assertThat(out.get(0).none()).isTrue();
            assertThat(out.get(0).markableUntil()).isEqualTo(WINDOW);
            assertThat(harness.numKeyedStateEntries()).isZero();
        } finally {
            harness.close();
        }
    }

    @Test
    void anIncidentsMarksGrowSortedWithTheHighestLevelAndRepeatsSayNothing() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, RuleMark, EscalationMarks> harness =
                harness();
        try {
            harness.open();
            for (RuleMark mark :
                    List.of(
                            RuleMark.held("110-J1", "zone", "CITY", WINDOW),
                            RuleMark.held("110-J1", "zone", "CITY", WINDOW),
                            RuleMark.held("110-J1", "caller", "TOWN", WINDOW))) {
                harness.processElement(new StreamRecord<>(mark, 0L));
            }

            List<EscalationMarks> out = harness.extractOutputValues();
            assertThat(out).hasSize(2);
            assertThat(out.get(1).rules()).containsExactly("caller", "zone");
            assertThat(out.get(1).level()).isEqualTo("CITY");
        } finally {
            harness.close();
        }
    }

    /**
     * An open episode marks its incidents again whenever it grows, at most a window after it last
     * did (else it would have been resolved): the marks are kept until a window after the latest.
     */
    @Test
    void anIncidentsMarksGoOnceNoEpisodeCanMarkItAgain() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, RuleMark, EscalationMarks> harness =
                harness();
        try {
            harness.open();
            harness.processElement(new StreamRecord<>(held("zone", "CITY", 0L), 0L));
            harness.processElement(
                    new StreamRecord<>(held("zone", "CITY", WINDOW - 1), WINDOW - 1));
            harness.processWatermark(new Watermark(2 * WINDOW - 2));
            assertThat(harness.numKeyedStateEntries()).isPositive();
            // a rule with a longer window than the others keeps them longer
            harness.processElement(
                    new StreamRecord<>(
                            RuleMark.held("110-J1", "caller", "TOWN", 2 * WINDOW - 2 + 2 * WINDOW),
                            2 * WINDOW - 2));

            harness.processWatermark(new Watermark(4 * WINDOW - 3));
            assertThat(harness.numKeyedStateEntries()).isPositive();
            harness.processWatermark(new Watermark(4 * WINDOW - 2));

            assertThat(harness.extractOutputValues()).hasSize(2);
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        } finally {
            harness.close();
        }
    }
}
