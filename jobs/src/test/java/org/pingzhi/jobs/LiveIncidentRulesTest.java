package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.replay.ReplayArguments;
import org.pingzhi.jobs.replay.ReplayFilesSink;
import org.pingzhi.jobs.replay.ReplayJob;
import org.pingzhi.jobs.testing.ContractSamples;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;

/**
 * The incident rules live, on a MiniCluster against the real Kafka and Elasticsearch, over a trace
 * whose records come out of order within the out-of-orderness bound: the HOTSPOT and REPEAT_CALLER
 * escalations show on the incident documents in Elasticsearch, and the rule alerts there end as
 * those of the replay of the same records, alert by alert and field by field.
 *
 * <p>The trace: three orders in 新仓镇 within 20 minutes (a HOTSPOT), a fourth 75 minutes later; two
 * 110 calls of one caller 20 minutes apart (a REPEAT_CALLER); and a call three hours later, which
 * moves replay's horizon past every episode's end, as live's wall clock does.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class LiveIncidentRulesTest {

    private static final String RULES =
            """
            {"version": "live-rules-1", "rules": [
              {"id": "hot-town", "kind": "HOTSPOT", "severity": "CRITICAL", "level": "CITY",
               "key": ["townCode"], "threshold": 3, "window": "PT30M"},
              {"id": "repeat-caller", "kind": "REPEAT_CALLER", "severity": "WARNING",
               "level": "TOWN", "threshold": 2, "window": "PT1H"}
            ]}
            """;

    /** Each topic's records go back by up to 20 minutes, within the bound of 30. */
    private static final List<String> HOTLINE =
            List.of(
                    order("PH2026112800902", "10:15", "13757310002"),
                    order("PH2026112800901", "10:05", "13757310001"),
                    order("PH2026112800904", "11:40", "13757310004"),
                    order("PH2026112800903", "10:25", "13757310003"));

    private static final List<String> POLICE =
            List.of(
                    alarm("J330482202611289002", "2026-11-28T10:30:00+08:00", "13905739999"),
                    alarm("J330482202611289001", "2026-11-28T10:10:00+08:00", "13905739999"),
                    alarm("J330482202611289009", "2026-11-28T13:40:00+08:00", "13905738888"));

    @TempDir Path folder;

    @Test
    void escalationsShowOnTheIncidentsAndTheRuleAlertsEndAsInTheReplay() throws Exception {
        Path rules = Files.writeString(folder.resolve("rules.json"), RULES);
        Path replayed = replay(rules);
        Map<String, JsonNode> replayAlerts = ruleAlerts(replayFile(replayed, DocumentKind.ALERT));
        Map<String, String> replayEscalations =
                escalations(replayFile(replayed, DocumentKind.INCIDENT));
        assertThat(replayAlerts.keySet())
                .anyMatch(id -> id.startsWith("rule:hot-town:"))
                .anyMatch(id -> id.startsWith("rule:repeat-caller:"));
        assertThat(replayEscalations)
                .containsEntry("12345-PH2026112800901", "[\"hot-town\"] CITY")
                .containsEntry("12345-PH2026112800904", "[] NONE")
                .containsEntry("110-J330482202611289001", "[\"repeat-caller\"] TOWN")
                .containsEntry("110-J330482202611289009", "[] NONE");

        try (LiveCommandCenter center =
                LiveCommandCenter.start(
                        LiveCommandCenter.configuration(
                                "live-rules",
                                Map.of(
                                        "pingzhi.rules.file",
                                        rules.toString(),
                                        "pingzhi.time.out-of-orderness",
                                        "30 min")),
                        CommandCenterJob::wire)) {
            center.produce(Source.HOTLINE_12345, bytes(HOTLINE));
            center.produce(Source.POLICE_110, bytes(POLICE));

            Poll.until(
                    Duration.ofSeconds(180),
                    "the incidents in Elasticsearch escalated as in the replay",
                    () -> escalations(center.documents(DocumentKind.INCIDENT).values()),
                    replayEscalations::equals);
            Map<String, JsonNode> liveAlerts =
                    Poll.until(
                            Duration.ofSeconds(120),
                            "the rule alerts in Elasticsearch as in the replay",
                            () -> ruleAlerts(center.documents(DocumentKind.ALERT).values()),
                            replayAlerts::equals);
            assertThat(liveAlerts).isEqualTo(replayAlerts);
        }
    }

    private static String order(String orderId, String time, String phone) {
        return "{\"orderId\": \""
                + orderId
                + "\", \"seq\": 1, \"action\": \"CREATE\", \"actionTime\": \"2026-11-28T"
                + time
                + ":00+08:00\", \"channel\": \"PHONE\", \"category\": \"劳动保障/工资福利/拖欠工资\","
                + " \"town\": \"新仓镇\", \"callerPhone\": \""
                + phone
                + "\"}";
    }

    private static String alarm(String alarmId, String time, String phone) {
        long at = java.time.OffsetDateTime.parse(time).toInstant().toEpochMilli();
        return "{\"alarmId\": \""
                + alarmId
                + "\", \"status\": \"RECEIVED\", \"statusTime\": "
                + at
                + ", \"alarmType\": \"纠纷\", \"level\": 2, \"station\": \"当湖派出所\","
                + " \"reporterPhone\": \""
                + phone
                + "\"}";
    }

    private static List<byte[]> bytes(List<String> lines) {
        return lines.stream().map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The rule alerts by id (SLA escalation alerts are decided by the wall clock live). */
    private static Map<String, JsonNode> ruleAlerts(Iterable<JsonNode> alerts) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode alert : alerts) {
            String id = alert.get("alertId").asText();
            if (id.startsWith("rule:")) {
                byId.put(id, alert);
            }
        }
        return byId;
    }

    /** Per incident, its {@code escalationRules} and {@code ruleLevel} as they read. */
    private static Map<String, String> escalations(Iterable<JsonNode> incidents) {
        Map<String, String> byId = new TreeMap<>();
        for (JsonNode incident : incidents) {
            byId.put(
                    incident.get("incidentId").asText(),
                    incident.path("escalationRules") + " " + incident.path("ruleLevel").asText());
        }
        return byId;
    }

    private Path replay(Path rules) throws Exception {
        Path in = Files.createDirectories(folder.resolve("in"));
        Path out = folder.resolve("out");
        ReplayJob.run(
                new ReplayArguments(
                        Files.writeString(
                                in.resolve("hotline-12345.jsonl"), String.join("\n", HOTLINE)),
                        Files.writeString(
                                in.resolve("police-110.jsonl"), String.join("\n", POLICE)),
                        out,
                        null,
                        rules,
                        1,
                        Map.of()));
        return out;
    }

    private static List<JsonNode> replayFile(Path out, DocumentKind kind) throws Exception {
        return ContractSamples.jsonLines(ReplayFilesSink.fileOf(out, kind));
    }
}
