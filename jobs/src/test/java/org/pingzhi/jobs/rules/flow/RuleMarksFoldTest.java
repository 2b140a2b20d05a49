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
                new KeyedProcessOperator<>(new RuleMarksFold(WINDOW)),
                RuleMark::incidentId,
                Types.STRING);
    }

    @Test
    void anIncidentsMarksGrowSortedWithTheHighestLevelAndRepeatsSayNothing() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, RuleMark, EscalationMarks> harness =
                harness();
        try {
            harness.open();
            for (RuleMark mark :
                    List.of(
                            new RuleMark("110-J1", "zone", "CITY"),
                            new RuleMark("110-J1", "zone", "CITY"),
                            new RuleMark("110-J1", "caller", "TOWN"))) {
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
            harness.processElement(new StreamRecord<>(new RuleMark("110-J1", "zone", "CITY"), 0L));
            harness.processElement(
                    new StreamRecord<>(new RuleMark("110-J1", "zone", "CITY"), WINDOW - 1));
            harness.processWatermark(new Watermark(2 * WINDOW - 2));
            assertThat(harness.numKeyedStateEntries()).isPositive();
            harness.processElement(
                    new StreamRecord<>(new RuleMark("110-J1", "caller", "TOWN"), 2 * WINDOW - 2));

            harness.processWatermark(new Watermark(3 * WINDOW - 2));

            assertThat(harness.extractOutputValues()).hasSize(2);
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        } finally {
            harness.close();
        }
    }
}
