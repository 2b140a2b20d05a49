package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.testing.ContractFiles;

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
    void anOutputThatCannotBeADirectoryIsRefusedBeforeTheInputIsRead() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("out"), "a file");
        // an input that cannot be read would be reported first if the inputs were looked at first
        Path missing = folder.resolve("missing.jsonl");

        int exitCode =
                run(
                        "--hotline", missing.toString(),
                        "--police", missing.toString(),
                        "--out", notAFolder.resolve("run").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(text(err))
                .contains("cannot write --out " + notAFolder.resolve("run"))
                .doesNotContain("cannot read --hotline");
    }

    @Test
    void anUnwritableOutputFolderIsRefused() throws Exception {
        Path readOnly = Files.createDirectory(folder.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(readOnly), "root writes into read-only folders");

        int exitCode = run(samplesArguments(readOnly.resolve("out")));

        assertThat(exitCode).isEqualTo(1);
        assertThat(text(err)).contains("cannot write --out").contains("not writable");
    }

    @Test
    void deadLettersAreWrittenOwnerOnly() throws Exception {
        Path out = folder.resolve("out");
        // a dead-letter file of an earlier run, readable by everyone
        Files.createDirectories(out);
        Files.writeString(ReplayFilesSink.fileOf(out, DocumentKind.DEAD_LETTER), "");
        Files.setPosixFilePermissions(
                ReplayFilesSink.fileOf(out, DocumentKind.DEAD_LETTER),
                PosixFilePermissions.fromString("rw-r--r--"));

        int exitCode = run(samplesArguments(out));

        assertThat(exitCode).as(text(err)).isZero();
        Path deadLetters = ReplayFilesSink.fileOf(out, DocumentKind.DEAD_LETTER);
        assertThat(Files.size(deadLetters)).isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(deadLetters)))
                .isEqualTo("rw-------");
    }

    @Test
    void aBadCommandLinePrintsTheUsage() {
        assertThat(run("--hotline", "h.jsonl")).isEqualTo(2);
        assertThat(text(err)).contains("--police FILE is required").contains("Usage:");
    }

    private static String[] samplesArguments(Path out) {
        return new String[] {
            "--hotline", ContractFiles.samples().resolve("hotline-12345.jsonl").toString(),
            "--police", ContractFiles.samples().resolve("police-110.jsonl").toString(),
            "--out", out.toString()
        };
    }

    private int run(String... args) {
        return ReplayCommand.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
