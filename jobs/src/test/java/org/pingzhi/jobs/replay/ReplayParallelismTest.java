package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.time.TimeOptions;
import org.pingzhi.simulate.SimulateCommand;

/**
 * Replay's output does not depend on its parallelism nor on how often its watermark moves:
 * simulated history (both sources, handovers, duplicates, late and malformed records) replayed with
 * the shipped rules, with one subtask and with two, with the watermark moving every few records and
 * only at the end, gives the same bytes in every file, and leaves nothing else behind.
 */
class ReplayParallelismTest {

    @TempDir Path work;

    @Test
    void parallelismTwoWritesTheSameBytesAsParallelismOne() throws Exception {
        Path input = simulatedHistory(work.resolve("input"), 20_000);

        Path rules = shippedRules(work.resolve("rules.json"));
        Path single = replay(input, rules, work.resolve("p1"), 1, Map.of());
        Path parallel =
                replay(input, rules, work.resolve("p2"), 2, watermarkStep(STEP_OF_FEW_RECORDS));
        Path atTheEnd =
                replay(input, rules, work.resolve("end"), 1, watermarkStep(Integer.MAX_VALUE));

        List<String> files = fileNames(single);
        assertThat(files)
                .containsExactlyInAnyOrder(
                        "incidents.jsonl",
                        "sla-events.jsonl",
                        "alerts.jsonl",
                        "metrics.jsonl",
                        "deadletter.jsonl");
        assertThat(fileNames(parallel)).containsExactlyInAnyOrderElementsOf(files);
        assertThat(fileNames(atTheEnd)).containsExactlyInAnyOrderElementsOf(files);
        assertThat(Files.size(single.resolve("incidents.jsonl"))).isPositive();
        assertThat(Files.size(single.resolve("deadletter.jsonl"))).isPositive();
        assertThat(Files.size(single.resolve("metrics.jsonl"))).isPositive();
        assertThat(Files.readString(single.resolve("alerts.jsonl")))
                .as("the shipped rules' alerts are compared too")
                .contains("\"alertId\":\"rule:town-backlog:")
                .contains("\"alertId\":\"rule:town-breach-rate-hourly:");
        for (String file : files) {
            assertThat(Files.readAllBytes(parallel.resolve(file)))
                    .as("parallelism 2, watermark every few records: " + file)
                    .isEqualTo(Files.readAllBytes(single.resolve(file)));
            assertThat(Files.readAllBytes(atTheEnd.resolve(file)))
                    .as("watermark only at the end: " + file)
                    .isEqualTo(Files.readAllBytes(single.resolve(file)));
        }
    }

    /**
     * Without rules no rule can mark an incident, and the documents go on without the escalation
     * join's keyed hop: at parallelism 2 too, in the same order per document.
     */
    @Test
    void withoutRulesParallelismTwoWritesTheSameBytesAsParallelismOne() throws Exception {
        Path input = simulatedHistory(work.resolve("input"), 20_000);

        Path single = replay(input, null, work.resolve("p1"), 1, Map.of());
        Path parallel =
                replay(input, null, work.resolve("p2"), 2, watermarkStep(STEP_OF_FEW_RECORDS));

        assertThat(Files.size(single.resolve("incidents.jsonl"))).isPositive();
        assertThat(fileNames(parallel)).containsExactlyInAnyOrderElementsOf(fileNames(single));
        for (String file : fileNames(single)) {
            assertThat(Files.readAllBytes(parallel.resolve(file)))
                    .as("parallelism 2, watermark every few records, no rules: " + file)
                    .isEqualTo(Files.readAllBytes(single.resolve(file)));
        }
    }

    /** Far below the default, so that the watermark moves within each simulated hour. */
    private static final int STEP_OF_FEW_RECORDS = 64;

    private static Map<String, String> watermarkStep(int records) {
        return Map.of(TimeOptions.REPLAY_WATERMARK_STEP.key(), Integer.toString(records));
    }

    /** The rules shipped for Pinghu, so that every kind's operators are in the comparison. */
    private static Path shippedRules(Path file) throws Exception {
        try (InputStream shipped =
                RulesFile.class.getResourceAsStream(RulesFile.DEFAULT_RESOURCE)) {
            Files.copy(shipped, file);
        }
        return file;
    }

    private static Path replay(
            Path input, Path rules, Path out, int parallelism, Map<String, String> configuration)
            throws Exception {
        ReplayJob.run(
                new ReplayArguments(
                        input.resolve("hotline-12345.jsonl"),
                        input.resolve("police-110.jsonl"),
                        out,
                        null,
                        rules,
                        parallelism,
                        configuration));
        return out;
    }

    private static Path simulatedHistory(Path folder, int records) {
        Clock clock = Clock.systemUTC();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exitCode =
                SimulateCommand.run(
                        new String[] {
                            "--out",
                            folder.toString(),
                            "--records",
                            Integer.toString(records),
                            "--seed",
                            "8",
                            "--start",
                            LocalDate.now(clock).minusDays(30) + "T00:00:00Z"
                        },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(errors, true, StandardCharsets.UTF_8),
                        clock.withZone(ZoneOffset.UTC));
        assertThat(exitCode).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        return folder;
    }

    private static List<String> fileNames(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
