package org.pingzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir Path work;

    @Test
    void printsEveryFigureOfATinyReplay() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode =
                BenchCommand.run(
                        new String[] {
                            "replay",
                            "--records",
                            "2000",
                            "--work",
                            work.toString(),
                            "--heap",
                            "256m"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.systemUTC());

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("(?m)^records +[0-9,]+$")
                .containsPattern("(?m)^replay wall +[0-9.]+ s$")
                .containsPattern("(?m)^replay records/s +[0-9,]+ \\(no rules\\)$")
                .containsPattern(
                        "(?m)^replay records/s with rules +[0-9,]+ \\(pinghu-2026-12-01, 7"
                                + " rules, [0-9.]+ % of no rules\\)$")
                .containsPattern("(?m)^parse ceiling lines/s +[0-9,]+ ")
                .containsPattern("(?m)^replay / ceiling +[0-9.]+ %$")
                .containsPattern("(?m)^peak RSS +[1-9][0-9,]* MiB \\(-Xmx256m\\)$")
                .containsPattern(
                        "(?m)^state per open incident +[1-9][0-9,]* B heap / [1-9][0-9,]* B"
                                + " RocksDB snapshot \\([1-9][0-9,]* incidents\\)$")
                .containsPattern("(?m)^peak RSS with rules +[1-9][0-9,]* MiB$")
                .containsPattern(
                        "(?m)^rule state per HOTSPOT group +[1-9][0-9,]* B heap / [1-9][0-9,]* B"
                                + " RocksDB snapshot \\([1-9][0-9,]* groups\\)$")
                .containsPattern("(?m)^rule state per REPEAT_CALLER group +[1-9]")
                .containsPattern("(?m)^rule state per SURGE group +[1-9]")
                .containsPattern("(?m)^rule state per FEED_SILENCE group +[1-9]")
                .containsPattern("(?m)^rule state per BREACH_RATE group +[1-9]")
                .containsPattern("(?m)^rule state per BACKLOG group +[1-9]")
                .containsPattern(
                        "(?m)^rule routing per incident +[1-9][0-9,]* B heap / [1-9][0-9,]* B"
                                + " RocksDB snapshot \\([1-9][0-9,]* incidents\\)$")
                .containsPattern("(?m)^cores +[1-9][0-9]*$");
    }

    @Test
    void refusesABadCommandLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode =
                BenchCommand.run(
                        new String[] {"replay", "--records", "many"},
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.systemUTC());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--records must be a positive whole number, not 'many'");
    }
}
