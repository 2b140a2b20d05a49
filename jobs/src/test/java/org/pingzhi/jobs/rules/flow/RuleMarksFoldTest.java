package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.pingzhi.jobs.escalation.EscalationMarks;

class RuleMarksFoldTest {

    @Test
    void anIncidentsMarksGrowSortedWithTheHighestLevelAndRepeatsSayNothing() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, RuleMark, EscalationMarks> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new RuleMarksFold()),
                        RuleMark::incidentId,
                        Types.STRING);
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
}
