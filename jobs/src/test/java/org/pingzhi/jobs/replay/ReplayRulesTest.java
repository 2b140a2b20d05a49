package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.jobs.testing.ContractSamples;

/** A replay with {@code --rules FILE}: the rules' alerts and escalations in the output files. */
class ReplayRulesTest {

    private static final String RULES =
            """
            {"version": "test-1", "rules": [
              {"id": "hot-town", "kind": "HOTSPOT", "severity": "CRITICAL", "level": "CITY",
               "key": ["townCode"], "threshold": 3, "window": "PT30M"}
            ]}
            """;

    @TempDir Path directory;

    /** Three orders in 新仓镇 within 20 minutes, a fourth an hour later. */
    private static String hotline() {
        StringBuilder lines = new StringBuilder();
        String[] times = {"10:05", "10:15", "10:25", "11:40"};
        for (int i = 0; i < times.length; i++) {
            lines.append(
                    "{\"orderId\": \"PH20261128009%02d\", \"seq\": 1, \"action\": \"CREATE\","
                                    .formatted(i + 1)
                            + " \"actionTime\": \"2026-11-28T"
                            + times[i]
                            + ":00+08:00\", \"channel\": \"PHONE\", \"category\":"
                            + " \"劳动保障/工资福利/拖欠工资\", \"town\": \"新仓镇\"}\n");
        }
        return lines.toString();
    }

    private Path replay(String name) throws Exception {
        return replay(name, true);
    }

    private Path replay(String name, boolean withRules) throws Exception {
        Path in = Files.createDirectories(directory.resolve("in"));
        Path hotline = Files.writeString(in.resolve("hotline-12345.jsonl"), hotline());
        Path police = Files.writeString(in.resolve("police-110.jsonl"), "");
        Path rules = withRules ? Files.writeString(in.resolve("rules.json"), RULES) : null;
        Path out = directory.resolve(name);
        ReplayJob.run(new ReplayArguments(hotline, police, out, null, rules, 2, Map.of()));
        return out;
    }

    @Test
    void aHotspotGivesItsAlertAndEscalatesTheIncidentsItHolds() throws Exception {
        Path out = replay("out");
        long start = OffsetDateTime.parse("2026-11-28T10:05:00+08:00").toInstant().toEpochMilli();

        List<JsonNode> alerts =
                ContractSamples.jsonLines(out.resolve("alerts.jsonl")).stream()
                        .filter(alert -> alert.get("alertId").asText().startsWith("rule:"))
                        .toList();
        assertThat(alerts)
                .extracting(alert -> alert.get("alertId").asText())
                .containsExactly("rule:hot-town:330482102:" + start);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("ruleVersion").asText()).isEqualTo("test-1");
        assertThat(alert.get("count").asLong()).isEqualTo(3);
        assertThat(alert.get("status").asText()).isEqualTo("RESOLVED");

        for (JsonNode incident : ContractSamples.jsonLines(out.resolve("incidents.jsonl"))) {
            boolean held = !incident.get("incidentId").asText().endsWith("04");
            assertThat(incident.path("escalationRules").toString())
                    .as(incident.get("incidentId").asText())
                    .isEqualTo(held ? "[\"hot-town\"]" : "[]");
            assertThat(incident.path("ruleLevel").asText()).isEqualTo(held ? "CITY" : "NONE");
        }
    }

    /** Nothing was looked for: no field says that no rule holds an incident. */
    @Test
    void withoutRulesTheIncidentsCarryNoEscalationFields() throws Exception {
        Path out = replay("without", false);

        List<JsonNode> incidents = ContractSamples.jsonLines(out.resolve("incidents.jsonl"));
        assertThat(incidents).hasSize(4);
        assertThat(incidents).noneMatch(incident -> incident.has("escalationRules"));
        assertThat(incidents).noneMatch(incident -> incident.has("ruleLevel"));
    }

    @Test
    void replayingTwiceGivesIdenticalFiles() throws Exception {
        Path first = replay("first");
        Path second = replay("second");

        for (String file : List.of("incidents.jsonl", "alerts.jsonl", "sla-events.jsonl")) {
            assertThat(Files.readString(second.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readString(first.resolve(file)));
        }
    }
}
