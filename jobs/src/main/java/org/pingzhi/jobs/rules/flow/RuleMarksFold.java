package org.pingzhi.jobs.rules.flow;

import java.util.Arrays;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.rules.AlertLevel;
import org.pingzhi.jobs.escalation.EscalationMarks;

/**
 * Keyed by incidentId: folds the marks of every rule whose episodes hold the incident into its
 * {@link EscalationMarks} (rule ids sorted as plain strings, the highest level, CITY above TOWN),
 * emitted whenever they grow. Episodes never let an incident go, so marks only grow.
 */
public final class RuleMarksFold extends KeyedProcessFunction<String, RuleMark, EscalationMarks> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "rule-marks-fold";
    public static final String NAME = "Incidents escalated by rules";

    static final ValueStateDescriptor<EscalationMarks> MARKS =
            new ValueStateDescriptor<>(
                    "incident-rule-marks", TypeInformation.of(EscalationMarks.class));

    private transient ValueState<EscalationMarks> marks;

    @Override
    public void open(OpenContext openContext) {
        marks = getRuntimeContext().getState(MARKS);
    }

    @Override
    public void processElement(RuleMark mark, Context ctx, Collector<EscalationMarks> out)
            throws Exception {
        EscalationMarks current = marks.value();
        TreeSet<String> rules = new TreeSet<>();
        String level = mark.level();
        if (current != null) {
            rules.addAll(Arrays.asList(current.rules()));
            if (rules.contains(mark.ruleId())) {
                return;
            }
            level = higher(current.level(), level);
        }
        rules.add(mark.ruleId());
        EscalationMarks grown =
                new EscalationMarks(mark.incidentId(), rules.toArray(String[]::new), level);
        marks.update(grown);
        out.collect(grown);
    }

    private static String higher(String a, String b) {
        return AlertLevel.valueOf(a).compareTo(AlertLevel.valueOf(b)) >= 0 ? a : b;
    }
}
