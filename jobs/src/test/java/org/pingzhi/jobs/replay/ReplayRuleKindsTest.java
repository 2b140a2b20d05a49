package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.jobs.testing.ContractSamples;

/**
 * A replay with {@code --rules FILE} of SURGE, FEED_SILENCE, BREACH_RATE and BACKLOG rules
 * (contract rules.md): each kind's alerts, ids and figures in {@code alerts.jsonl}, on a morning in
 * 新仓镇 (330482102) with a 110 alarm in 当湖街道 at each end.
 *
 * <p>12345 orders (none responded within its 10 minutes): A 09:10; B 10:05, C 10:10, D 10:15 (an
 * emergency, P1; the others P3); B replied 10:30, C 10:31. 110 alarms (P2): 09:00 and 12:30 (the
 * horizon).
 */
class ReplayRuleKindsTest {

    private static final String TOWN = "330482102";

    private static final String RULES =
            """
            {"version": "kinds-1", "rules": [
              {"id": "surge-town", "kind": "SURGE", "severity": "WARNING", "level": "CITY",
               "key": ["townCode"], "window": "PT1H", "factor": 2, "minCount": 3,
               "baseline": {"previousWindows": 1}},
              {"id": "silent-110", "kind": "FEED_SILENCE", "severity": "CRITICAL",
               "level": "CITY", "source": "110", "window": "PT20M"},
              {"id": "breach-town", "kind": "BREACH_RATE", "severity": "WARNING",
               "level": "CITY", "window": "PT1H", "threshold": 0.5, "minDecided": 2},
              {"id": "breach-emergencies", "kind": "BREACH_RATE", "severity": "CRITICAL",
               "level": "CITY", "filter": {"priorities": ["P1"]}, "window": "PT1H",
               "threshold": 1, "minDecided": 1},
              {"id": "backlog-town", "kind": "BACKLOG", "severity": "WARNING", "level": "CITY",
               "threshold": 2, "duration": "PT5M"}
            ]}
            """;

    @TempDir static Path directory;

    private static Path first;
    private static List<JsonNode> alerts;

    private static long at(String localTime) {
        return OffsetDateTime.parse("2026-11-28T" + localTime + ":00+08:00")
                .toInstant()
                .toEpochMilli();
    }

    private static String order(String id, int seq, String action, String time) {
        return order(id, seq, action, time, "");
    }

    private static String emergencyOrder(String id, String time) {
        return order(id, 1, "CREATE", time, " \"urgency\": \"EMERGENCY\",");
    }

    private static String order(
            String id, int seq, String action, String time, String urgencyField) {
        return "{\"orderId\": \"PH20261128%s\", \"seq\": %d, \"action\": \"%s\",%s \"actionTime\":"
                        .formatted(id, seq, action, urgencyField)
                + " \"2026-11-28T"
                + time
                + ":00+08:00\", \"channel\": \"PHONE\", \"category\": \"城乡建设/市容环卫/噪声扰民\","
                + " \"town\": \"新仓镇\"}\n";
    }

    private static String alarm(String id, String time) {
        return "{\"alarmId\": \"J3304822026112800%s\", \"status\": \"RECEIVED\", \"statusTime\": %d,"
                        .formatted(id, at(time))
                + " \"alarmType\": \"纠纷\", \"level\": 2, \"station\": \"当湖派出所\"}\n";
    }

    private static Path replay(String name) throws Exception {
        Path in = Files.createDirectories(directory.resolve(name + "-in"));
        Path hotline =
                Files.writeString(
                        in.resolve("hotline-12345.jsonl"),
                        order("00901", 1, "CREATE", "09:10")
                                + order("00902", 1, "CREATE", "10:05")
                                + order("00903", 1, "CREATE", "10:10")
                                + emergencyOrder("00904", "10:15")
                                + order("00902", 2, "REPLY", "10:30")
                                + order("00903", 2, "REPLY", "10:31"));
        Path police =
                Files.writeString(
                        in.resolve("police-110.jsonl"),
                        alarm("01", "09:00") + alarm("02", "12:30"));
        Path rules = Files.writeString(in.resolve("rules.json"), RULES);
        Path out = directory.resolve(name);
        ReplayJob.run(new ReplayArguments(hotline, police, out, null, rules, 2, Map.of()));
        return out;
    }

    @BeforeAll
    static void replayOnce() throws Exception {
        first = replay("first");
        alerts =
                ContractSamples.jsonLines(first.resolve("alerts.jsonl")).stream()
                        .filter(alert -> alert.get("alertId").asText().startsWith("rule:"))
                        .toList();
    }

    private static JsonNode alertOf(String ruleId) {
        List<JsonNode> ofRule =
                alerts.stream()
                        .filter(alert -> alert.get("ruleId").asText().equals(ruleId))
                        .toList();
        assertThat(ofRule).as(ruleId).hasSize(1);
        return ofRule.get(0);
    }

    @Test
    void theHourAtThreeOrdersAgainstOneBeforeSurgesAndIsResolvedAtTheEndOfTheNextHour() {
        JsonNode surge = alertOf("surge-town");
        assertThat(surge.get("alertId").asText())
                .isEqualTo("rule:surge-town:" + TOWN + ":" + at("10:00"));
        assertThat(surge.get("kind").asText()).isEqualTo("SURGE");
        assertThat(surge.get("firedAt").asText()).isEqualTo("2026-11-28T02:15:00.000Z");
        assertThat(surge.get("count").asLong()).isEqualTo(3);
        assertThat(surge.get("incidentIds").toString())
                .isEqualTo(
                        "[\"12345-PH2026112800902\",\"12345-PH2026112800903\","
                                + "\"12345-PH2026112800904\"]");
        assertThat(surge.get("windowEnd").asText()).isEqualTo("2026-11-28T03:00:00.000Z");
        assertThat(surge.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(surge.get("resolvedAt").asText()).isEqualTo("2026-11-28T04:00:00.000Z");
    }

    @Test
    void police110SilentForTwentyMinutesFiresAndIsResolvedByItsNextRecord() {
        JsonNode silence = alertOf("silent-110");
        assertThat(silence.get("alertId").asText()).isEqualTo("rule:silent-110:110:" + at("09:20"));
        assertThat(silence.get("windowStart").asText()).isEqualTo("2026-11-28T01:00:00.000Z");
        assertThat(silence.get("windowEnd").asText()).isEqualTo("2026-11-28T04:30:00.000Z");
        assertThat(silence.get("count").isNull()).isTrue();
        assertThat(silence.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(silence.get("resolvedAt").asText()).isEqualTo("2026-11-28T04:30:00.000Z");
    }

    @Test
    void anHourWithEveryDecisionBreachedFiresAndOneWithTooFewDecisionsDoesNot() {
        JsonNode breach = alertOf("breach-town");
        assertThat(breach.get("alertId").asText())
                .isEqualTo("rule:breach-town:" + TOWN + ":" + at("10:00"));
        assertThat(breach.get("firedAt").asText()).isEqualTo("2026-11-28T03:00:00.000Z");
        assertThat(breach.get("count").asLong()).isEqualTo(3);
        assertThat(breach.get("townCode").asText()).isEqualTo(TOWN);
        assertThat(breach.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(breach.get("resolvedAt").asText()).isEqualTo("2026-11-28T04:00:00.000Z");
    }

    /**
     * Filtered on P1, the rule counts D's breach alone: its hour fires with one breach, and neither
     * A's hour nor the P2 alarm's (each one breach, which would fire unfiltered) does.
     */
    @Test
    void aRuleFilteredOnAPriorityCountsTheDecisionsOfThatPriorityOnly() {
        JsonNode breach = alertOf("breach-emergencies");
        assertThat(breach.get("alertId").asText())
                .isEqualTo("rule:breach-emergencies:" + TOWN + ":" + at("10:00"));
        assertThat(breach.get("count").asLong()).isEqualTo(1);
        assertThat(breach.get("severity").asText()).isEqualTo("CRITICAL");
    }

    @Test
    void moreThanTwoOpenForFiveMinutesFiresAndIsResolvedWhenTwoAreLeft() {
        JsonNode backlog = alertOf("backlog-town");
        assertThat(backlog.get("alertId").asText())
                .isEqualTo("rule:backlog-town:" + TOWN + ":" + at("10:10"));
        assertThat(backlog.get("firedAt").asText()).isEqualTo("2026-11-28T02:15:00.000Z");
        assertThat(backlog.get("count").asLong()).isEqualTo(4);
        assertThat(backlog.get("windowEnd").asText()).isEqualTo("2026-11-28T02:30:00.000Z");
        assertThat(backlog.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(backlog.get("resolvedAt").asText()).isEqualTo("2026-11-28T02:31:00.000Z");
    }

    @Test
    void noOtherRuleAlertAndReplayingTwiceGivesIdenticalFiles() throws Exception {
        assertThat(alerts).hasSize(5);
        Path second = replay("second");
        for (String file : List.of("incidents.jsonl", "alerts.jsonl", "sla-events.jsonl")) {
            assertThat(Files.readString(second.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readString(first.resolve(file)));
        }
    }
}
