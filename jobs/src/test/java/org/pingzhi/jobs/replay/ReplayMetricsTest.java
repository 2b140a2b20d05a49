package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.jobs.testing.ContractSamples;
import org.pingzhi.jobs.testing.RawInputs;

/**
 * Replay writes the per-minute metrics of what it replays into {@code metrics.jsonl} (those of the
 * contract samples: {@link ReplaySamplesTest}).
 */
class ReplayMetricsTest {

    @TempDir Path folder;

    @Test
    void aLateResponseMovesTheBreachToAMetMinuteAndLeavesNoZeroMinute() throws Exception {
        long reportedAt = Instant.parse("2026-11-28T08:00:58Z").toEpochMilli();
        byte[] report = RawInputs.alarm("J-LATE-TRUTH-1", "RECEIVED", reportedAt);
        // another incident half an hour on: time passes the first one's deadline (08:10:58)
        byte[] later = RawInputs.alarm("J-LATER-1", "RECEIVED", reportedAt + 1_800_000);
        byte[] arrived = RawInputs.alarm("J-LATE-TRUTH-1", "ARRIVED", reportedAt + 480_000);

        Map<String, JsonNode> unanswered = metricsByMinute(replay("unanswered", report, later));
        Map<String, JsonNode> answered =
                metricsByMinute(replay("answered", report, later, arrived));

        assertThat(unanswered)
                .containsOnlyKeys(
                        "2026-11-28T08:00:00.000Z",
                        "2026-11-28T08:10:00.000Z",
                        "2026-11-28T08:30:00.000Z");
        assertThat(unanswered.get("2026-11-28T08:10:00.000Z").get("slaBreached").asInt())
                .isEqualTo(1);
        assertThat(answered)
                .containsOnlyKeys(
                        "2026-11-28T08:00:00.000Z",
                        "2026-11-28T08:08:00.000Z",
                        "2026-11-28T08:30:00.000Z");
        JsonNode met = answered.get("2026-11-28T08:08:00.000Z");
        assertThat(met.get("slaMet").asInt()).isEqualTo(1);
        assertThat(met.get("responded").asInt()).isEqualTo(1);
        assertThat(met.get("responseSecondsMax").asDouble()).isEqualTo(480.0);
        assertThat(answered.values())
                .allSatisfy(metric -> assertThat(metric.get("slaBreached").asInt()).isZero());
    }

    @Test
    void metricsJsonlIsWrittenEvenWhenNothingIsReported() throws Exception {
        Path out = replay("nothing", "{\"alarmId\": 1}".getBytes(StandardCharsets.UTF_8));

        assertThat(ReplayFilesSink.fileOf(out, DocumentKind.METRIC)).exists().isEmptyFile();
    }

    private Path replay(String name, byte[]... policeLines) throws Exception {
        Path in = folder.resolve(name);
        Files.createDirectories(in);
        Path hotline = Files.writeString(in.resolve("hotline-12345.jsonl"), "");
        StringBuilder police = new StringBuilder();
        for (byte[] line : policeLines) {
            police.append(new String(line, StandardCharsets.UTF_8)).append('\n');
        }
        Path policeFile = Files.writeString(in.resolve("police-110.jsonl"), police);
        Path out = in.resolve("out");
        ReplayJob.run(new ReplayArguments(hotline, policeFile, out, null, null, 2, Map.of()));
        return out;
    }

    private static List<JsonNode> metricsOf(Path out) throws Exception {
        return ContractSamples.jsonLines(ReplayFilesSink.fileOf(out, DocumentKind.METRIC));
    }

    private static Map<String, JsonNode> metricsByMinute(Path out) throws Exception {
        Map<String, JsonNode> byMinute = new TreeMap<>();
        for (JsonNode metric : metricsOf(out)) {
            assertThat(byMinute.put(metric.get("ts").asText(), metric)).isNull();
        }
        return byMinute;
    }
}
