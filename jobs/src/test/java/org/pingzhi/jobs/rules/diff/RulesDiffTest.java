package org.pingzhi.jobs.rules.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.jobs.rules.diff.RulesDiff.Presence;
import org.pingzhi.jobs.rules.diff.RulesDiff.RuleDiff;
import org.pingzhi.jobs.rules.diff.RulesDiff.Side;

class RulesDiffTest {

    private static AlertDocument alert(String ruleId, String start, long count, String version) {
        return new AlertDocument(
                "rule:" + ruleId + ":330482102:" + start,
                "HOTSPOT",
                ruleId,
                version,
                "WARNING",
                "TOWN",
                "330482102",
                "DISPUTE",
                "title " + count,
                "message " + count,
                List.of("12345-PH1"),
                "2026-11-28T10:05:00+08:00",
                "2026-11-28T10:25:00+08:00",
                count,
                "2026-11-28T10:25:00+08:00",
                "RESOLVED",
                "2026-11-28T10:55:00+08:00");
    }

    private static AlertDocument slaAlert() {
        return new AlertDocument(
                AlertDocument.slaAlertId("12345-PH1", "TOWN"),
                AlertDocument.SLA_ESCALATION_KIND,
                AlertDocument.SLA_ESCALATION_RULE_ID,
                null,
                "CRITICAL",
                "TOWN",
                "330482102",
                "DISPUTE",
                "t",
                "m",
                List.of("12345-PH1"),
                "2026-11-28T10:05:00+08:00",
                "2026-11-28T10:25:00+08:00",
                1L,
                "2026-11-28T10:25:00+08:00",
                "OPEN",
                null);
    }

    private static RuleDiff only(RulesDiff diff, String ruleId) {
        return diff.rules().stream()
                .filter(rule -> rule.ruleId().equals(ruleId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void alertsAreMatchedByIdAndTheRulesVersionIsNoDifference() {
        RulesDiff diff =
                RulesDiff.compare(
                        new Side(List.of("hot"), List.of(alert("hot", "1", 3, "v1"))),
                        new Side(List.of("hot"), List.of(alert("hot", "1", 3, "v2"))));

        RuleDiff hot = only(diff, "hot");
        assertThat(hot.same()).isEqualTo(1);
        assertThat(hot.onlyOld()).isEmpty();
        assertThat(hot.onlyNew()).isEmpty();
        assertThat(hot.changed()).isEmpty();
        assertThat(hot.isSame()).isTrue();
        assertThat(hot.presence()).isEqualTo(Presence.BOTH);
    }

    @Test
    void alertsOfOneSideOnlyAndChangedOnesAreListed() {
        AlertDocument kept = alert("hot", "1", 3, "v1");
        AlertDocument dropped = alert("hot", "2", 3, "v1");
        AlertDocument added = alert("hot", "3", 2, "v2");
        RulesDiff diff =
                RulesDiff.compare(
                        new Side(List.of("hot"), List.of(kept, dropped)),
                        new Side(List.of("hot"), List.of(alert("hot", "1", 4, "v2"), added)));

        RuleDiff hot = only(diff, "hot");
        assertThat(hot.onlyOld()).containsExactly(dropped);
        assertThat(hot.onlyNew()).containsExactly(added);
        assertThat(hot.same()).isZero();
        assertThat(hot.changed()).hasSize(1);
        RulesDiff.ChangedAlert changed = hot.changed().get(0);
        assertThat(changed.old()).isEqualTo(kept);
        assertThat(changed.fields()).containsExactly("title", "message", "count");
        assertThat(hot.isSame()).isFalse();
    }

    @Test
    void aRuleOfOneFileOnlyHasAllItsAlertsOnThatSide() {
        RulesDiff diff =
                RulesDiff.compare(
                        new Side(List.of("gone", "both"), List.of(alert("gone", "1", 3, "v1"))),
                        new Side(
                                List.of("both", "fresh"),
                                List.of(alert("fresh", "1", 2, "v2"), slaAlert())));

        assertThat(diff.rules())
                .extracting(RuleDiff::ruleId, RuleDiff::presence)
                .containsExactly(
                        tuple("gone", Presence.ONLY_OLD),
                        tuple("both", Presence.BOTH),
                        tuple("fresh", Presence.ONLY_NEW));
        assertThat(only(diff, "gone").onlyOld()).hasSize(1);
        assertThat(only(diff, "fresh").onlyNew()).hasSize(1);
        assertThat(only(diff, "both").isSame()).isTrue();
    }

    @Test
    void theSlaEscalationsAreNoRulesAlerts() {
        RulesDiff diff =
                RulesDiff.compare(
                        new Side(List.of(), List.of()), new Side(List.of(), List.of(slaAlert())));

        assertThat(diff.rules()).isEmpty();
    }
}
