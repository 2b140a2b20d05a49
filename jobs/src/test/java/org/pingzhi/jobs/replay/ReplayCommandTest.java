package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    @TempDir Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anUnreadableInputIsAClearErrorNotACrash() throws Exception {
        Path police = Files.writeString(folder.resolve("police.jsonl"), "");

        int exitCode =
                run(
                        "--hotline", folder.resolve("missing.jsonl").toString(),
                        "--police", police.toString(),
                        "--out", folder.resolve("out").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(text(err))
                .contains("cannot read --hotline")
                .contains("missing.jsonl")
                .contains("no such file");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    @Test
    void aFolderIsNotAnInputFile() {
        int exitCode =
                run(
                        "--hotline", folder.toString(),
                        "--police", folder.toString(),
                        "--out", folder.resolve("out").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(text(err)).contains("not a readable file");
    }

    @Test
    void aBadCommandLinePrintsTheUsage() {
        assertThat(run("--hotline", "h.jsonl")).isEqualTo(2);
        assertThat(text(err)).contains("--police FILE is required").contains("Usage:");
    }

    private int run(String... args) {
        return ReplayCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
