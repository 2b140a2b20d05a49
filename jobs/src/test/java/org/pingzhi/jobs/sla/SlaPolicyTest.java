package org.pingzhi.jobs.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pingzhi.jobs.lifecycle.TestEvents.hotline;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.lifecycle.IncidentFold;
import org.pingzhi.jobs.lifecycle.IncidentState;

class SlaPolicyTest {

    private static final SlaPolicy TIERED =
            SlaPolicy.fromResource("sla/example-tiered-policy.json");

    private static SlaSubject subject(Source source, Priority priority, String townCode) {
        return new SlaSubject(source, "DISPUTE", priority, townCode);
    }

    @Test
    void theDefaultPolicyGivesEveryIncidentTenMinutes() {
        SlaPolicy policy = SlaPolicy.defaultPolicy();

        assertThat(policy.rules()).isEmpty();
        for (Source source : Source.values()) {
            for (Priority priority : Priority.values()) {
                assertThat(policy.targetSeconds(subject(source, priority, "330482001")))
                        .isEqualTo(600);
                assertThat(policy.targetSeconds(subject(source, priority, "330482105")))
                        .isEqualTo(600);
            }
        }
    }

    @Test
    void theTieredExampleGivesFiveMinutesInSubdistrictsAndToP1AndTenInTowns() {
        assertThat(TIERED.targetSeconds(subject(Source.POLICE_110, Priority.P2, "330482001")))
                .isEqualTo(300);
        assertThat(TIERED.targetSeconds(subject(Source.HOTLINE_12345, Priority.P3, "330482003")))
                .isEqualTo(300);
        assertThat(TIERED.targetSeconds(subject(Source.POLICE_110, Priority.P2, "330482100")))
                .isEqualTo(600);
        assertThat(TIERED.targetSeconds(subject(Source.POLICE_110, Priority.P1, "330482100")))
                .isEqualTo(300);
    }

    @Test
    void theFirstMatchingRuleWinsAndAllItsConditionsMustHold() {
        SlaPolicy policy =
                SlaPolicy.parse(
                        """
                        {"defaultTargetSeconds": 900, "rules": [
                          {"source": "12345", "category": "LABOUR", "townCode": "330482102", "targetSeconds": 1200},
                          {"category": "LABOUR", "targetSeconds": 450},
                          {"category": "LABOUR", "targetSeconds": 60}
                        ]}
                        """,
                        "test");

        assertThat(
                        policy.targetSeconds(
                                new SlaSubject(
                                        Source.HOTLINE_12345, "LABOUR", Priority.P3, "330482102")))
                .isEqualTo(1200);
        assertThat(
                        policy.targetSeconds(
                                new SlaSubject(
                                        Source.POLICE_110, "LABOUR", Priority.P3, "330482102")))
                .isEqualTo(450);
        assertThat(
                        policy.targetSeconds(
                                new SlaSubject(
                                        Source.POLICE_110, "TRAFFIC", Priority.P3, "330482102")))
                .isEqualTo(900);
    }

    @Test
    void aHandedOverIncidentIsLookedUpAs110() {
        SlaPolicy policy =
                SlaPolicy.parse(
                        """
                        {"rules": [{"source": "110", "targetSeconds": 300}, {"source": "12345", "targetSeconds": 1800}]}
                        """,
                        "test");
        IncidentState handedOver =
                IncidentFold.fold(
                        "110-J4",
                        List.of(
                                hotline("PH4", "CREATE", minutes(3)).linkedTo("J4").build(),
                                hotline("PH4", "ASSIGN", minutes(4)).linkedTo("J4").build()));

        assertThat(policy.targetMillis(handedOver.slaInput().subject())).isEqualTo(300_000);
    }

    @Test
    void anIncidentIsLookedUpByItsReportsCategoryPriorityAndTown() {
        IncidentState fire =
                IncidentFold.fold(
                        "110-J10",
                        List.of(
                                police("J10", "RECEIVED", minutes(0))
                                        .category("FIRE_SAFETY", "火灾")
                                        .priority(Priority.P1)
                                        .town("乍浦镇")
                                        .build()));
        SlaPolicy policy =
                SlaPolicy.parse(
                        """
                        {"rules": [{"category": "FIRE_SAFETY", "priority": "P1", "townKind": "town", "targetSeconds": 420}]}
                        """,
                        "test");

        assertThat(policy.targetMillis(fire.slaInput().subject())).isEqualTo(420_000);
    }

    @Test
    void aPolicyFileIsReadFromTheConfiguredPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\"defaultTargetSeconds\": 300}");
        Configuration config = new Configuration();
        config.set(SlaOptions.POLICY_FILE, file.toString());

        assertThat(SlaPolicy.fromConfig(config).defaultTargetSeconds()).isEqualTo(300);
        assertThat(SlaPolicy.fromConfig(new Configuration()).origin())
                .isEqualTo(SlaPolicy.DEFAULT_RESOURCE);
        assertThatThrownBy(() -> SlaPolicy.load(dir.resolve("missing.json")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"rules\": [{\"priority\": \"P1\", \"target\": 300}]}|unknown key \"target\"",
                "{\"defaultTarget\": 300}|unknown key \"defaultTarget\"",
                "{\"rules\": [{\"priority\": \"P4\", \"targetSeconds\": 300}]}|rule 1: priority"
                        + " must be P1, P2 or P3",
                "{\"rules\": [{\"source\": \"119\", \"targetSeconds\": 300}]}|source must be",
                "{\"rules\": [{\"category\": \"FIRE\", \"targetSeconds\": 300}]}|unknown category"
                        + " \"FIRE\"",
                "{\"rules\": [{\"townKind\": \"village\", \"targetSeconds\": 300}]}|townKind must"
                        + " be",
                "{\"rules\": [{\"townCode\": \"3304821\", \"targetSeconds\": 300}]}|townCode must"
                        + " be nine digits",
                "{\"rules\": [{\"priority\": 1, \"targetSeconds\": 300}]}|\"priority\" must be a"
                        + " string",
                "{\"rules\": [{\"priority\": \"P1\"}]}|\"targetSeconds\" is required",
                "{\"rules\": [{\"targetSeconds\": 0}]}|whole seconds from 1 to 86400",
                "{\"rules\": [{\"targetSeconds\": 300.5}]}|whole seconds",
                "{\"rules\": [{\"targetSeconds\": \"300\"}]}|whole seconds",
                "{\"defaultTargetSeconds\": 86401}|whole seconds",
                "{\"rules\": {\"targetSeconds\": 300}}|\"rules\" must be an array",
                "{\"rules\": [300]}|rule 1 must be a JSON object",
                "[]|must be a JSON object",
                "{\"defaultTargetSeconds\": 300, \"defaultTargetSeconds\": 600}|not valid JSON",
                "{\"rules\": [}|not valid JSON",
                "{} {}|not valid JSON",
            })
    void aBadPolicyFailsToLoadWithAClearMessage(String caseText) {
        String[] parts = caseText.split("\\|");

        assertThatThrownBy(() -> SlaPolicy.parse(parts[0], "policy.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy.json")
                .hasMessageContaining(parts[1]);
    }
}
