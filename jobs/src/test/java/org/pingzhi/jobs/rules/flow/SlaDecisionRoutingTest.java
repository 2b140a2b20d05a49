package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.hotline;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.lifecycle.EmissionPlanner;
import org.pingzhi.jobs.lifecycle.EmittedOutputs;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.lifecycle.IncidentFold;
import org.pingzhi.jobs.lifecycle.IncidentState;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.sla.SlaEvaluator;

/** The SLA events the lifecycle emits, as BREACH_RATE decisions: one per incident. */
class SlaDecisionRoutingTest {

    @Test
    void aBreachEmittedAgainBecauseAHandoverJoinedTheIncidentIsNotASecondDecision()
            throws Exception {
        UnifiedEvent alarm = police("J1", "RECEIVED", minutes(50)).town("当湖街道").build();
        UnifiedEvent handover =
                hotline("H1", "CREATE", minutes(62)).linkedTo("J1").town("当湖街道").build();
        EmittedOutputs memo = new EmittedOutputs();
        List<IncidentChange> changes = new ArrayList<>(plan(memo, minutes(61), alarm));
        List<IncidentChange> afterTheHandover = plan(memo, minutes(63), alarm, handover);
        changes.addAll(afterTheHandover);

        assertThat(afterTheHandover)
                .as("the BREACH event now says both sources")
                .anySatisfy(
                        change ->
                                assertThat(change)
                                        .isInstanceOfSatisfying(
                                                SlaEventChanged.class,
                                                event ->
                                                        assertThat(event.event().type())
                                                                .isEqualTo("BREACH")));
        RulesInForce rules =
                new RulesInForce(new RulesFile("v1", List.of(TestRules.breachRate("1", 1))));

        assertThat(RuleFiltersRoutingTest.decisionsRouted(rules, changes)).hasSize(1);
    }

    private static List<IncidentChange> plan(
            EmittedOutputs memo, long now, UnifiedEvent... records) {
        IncidentState state = IncidentFold.fold("110-J1", List.of(records));
        return EmissionPlanner.plan(
                state, SlaEvaluator.evaluate(state.slaInput(), 10 * MINUTE, now), memo);
    }
}
