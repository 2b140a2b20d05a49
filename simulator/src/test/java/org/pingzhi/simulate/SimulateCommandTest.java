package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.model.Source;

class SimulateCommandTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesEachSourcesRecordsToItsFileLineByLineInEmissionOrder() throws IOException {
        int exitCode = run("--out", directory.toString(), "--records", "3000", "--seed", "9");

        assertThat(exitCode).as(text(err)).isZero();
        List<SimulatedRecord> expected =
                new TrafficSimulator(
                                SimulationSettings.of(9, SimulateArguments.DEFAULT_FILE_START)
                                        .withRecordLimit(3_000))
                        .stream().toList();
        for (Source source : Source.values()) {
            assertThat(Files.readAllBytes(JsonlFilesSink.file(directory, source)))
                    .isEqualTo(linesOf(expected, source));
        }
        assertThat(text(out))
                .contains("seed 9, from 2026-11-28 00:00:00+08:00, as fast as possible")
                .contains("done, sent 12345: ")
                .contains("3,000 records");
    }

    @Test
    void theSameCommandTwiceWritesTheSameBytes() throws IOException {
        Path first = directory.resolve("first");
        Path second = directory.resolve("second");

        assertThat(run("--out", first.toString(), "--duration", "PT6H")).isZero();
        assertThat(run("--out", second.toString(), "--duration", "PT6H")).isZero();

        for (Source source : Source.values()) {
            assertThat(Files.readAllBytes(JsonlFilesSink.file(second, source)))
                    .isNotEmpty()
                    .isEqualTo(Files.readAllBytes(JsonlFilesSink.file(first, source)));
        }
    }

    @Test
    void aBadCommandLineExitsTwoWithTheUsage() {
        int exitCode = run("--out", directory.toString(), "--speed", "warp");

        assertThat(exitCode).isEqualTo(2);
        assertThat(text(err))
                .contains("pingzhi simulate: --speed takes a positive number, not 'warp'")
                .contains("Usage: pingzhi simulate");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void anUnwritableOutputFailsWithExitOne() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");

        assertThat(run("--out", file.toString(), "--records", "10")).isEqualTo(1);
        assertThat(text(err)).contains("pingzhi simulate failed");
    }

    private int run(String... args) {
        return SimulateCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK);
    }

    private static byte[] linesOf(List<SimulatedRecord> records, Source source) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (SimulatedRecord record : records) {
            if (record.source() == source) {
                lines.writeBytes(record.value());
                lines.write('\n');
            }
        }
        return lines.toByteArray();
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
