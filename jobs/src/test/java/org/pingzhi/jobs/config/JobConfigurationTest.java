package org.pingzhi.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.privacy.PrivacyOptions;
import org.pingzhi.common.testing.CapturedLog;

class JobConfigurationTest {

    @TempDir Path folder;

    @Test
    void commandLineSettingsWinOverTheFileAndTheFileOverTheEnvironment() throws Exception {
        Path file = folder.resolve("pingzhi.properties");
        Files.writeString(
                file,
                "pingzhi.kafka.group-id: from-file\n"
                        + "pingzhi.privacy.caller-key-secret=file-secret-0123456789\n"
                        + "pingzhi.state.backend = ROCKSDB\n");

        Configuration configuration =
                JobConfiguration.fromArgs(
                        new String[] {
                            "--config", file.toString(), "--conf", "pingzhi.kafka.group-id=cli"
                        },
                        Map.of(JobConfiguration.CALLER_KEY_SECRET_VARIABLE, "env-secret"));

        assertThat(configuration.toMap())
                .containsEntry("pingzhi.kafka.group-id", "cli")
                .containsEntry(PrivacyOptions.CALLER_KEY_SECRET.key(), "file-secret-0123456789")
                .containsEntry("pingzhi.state.backend", "ROCKSDB");
    }

    @Test
    void takesTheSecretFromTheEnvironment() throws Exception {
        Configuration configuration =
                JobConfiguration.fromArgs(
                        new String[0],
                        Map.of(JobConfiguration.CALLER_KEY_SECRET_VARIABLE, "env-secret"));

        assertThat(configuration.toMap())
                .containsEntry(PrivacyOptions.CALLER_KEY_SECRET.key(), "env-secret");
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> JobConfiguration.fromArgs(new String[] {"--bogus", "x"}, Map.of()))
                .hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> JobConfiguration.fromArgs(new String[] {"--conf", "x"}, Map.of()))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> JobConfiguration.fromArgs(new String[] {"--conf"}, Map.of()))
                .hasMessageContaining("needs a value");
    }

    @Test
    void checkpointsEveryThirtySecondsOnTheHeapByDefault() {
        Configuration flink = Operations.flinkConfiguration(new Configuration());

        assertThat(flink.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(flink.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(Operations.checkpointing(new Configuration())).isTrue();
    }

    @Test
    void watermarksAndNetworkBuffersMoveOnWithinTensOfMillisecondsByDefault() {
        assertWatermarkIntervalAndBufferTimeout(
                new Configuration(), Duration.ofMillis(50), Duration.ofMillis(10));
    }

    @Test
    void theWatermarkIntervalAndBufferTimeoutGivenWin() {
        assertWatermarkIntervalAndBufferTimeout(
                Configuration.fromMap(
                        Map.of(
                                "pipeline.auto-watermark-interval", "200 ms",
                                "execution.buffer-timeout.interval", "100 ms")),
                Duration.ofMillis(200),
                Duration.ofMillis(100));
    }

    private static void assertWatermarkIntervalAndBufferTimeout(
            Configuration pingzhi, Duration watermarkInterval, Duration bufferTimeout) {
        Configuration flink = Operations.flinkConfiguration(pingzhi);

        assertThat(flink.get(PipelineOptions.AUTO_WATERMARK_INTERVAL))
                .isEqualTo(watermarkInterval)
                .isEqualTo(Operations.watermarkInterval(pingzhi));
        assertThat(flink.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(bufferTimeout);
    }

    @Test
    void rocksDbWithIncrementalCheckpointsAndCheckpointingOff() {
        Configuration pingzhi =
                Configuration.fromMap(
                        Map.of(
                                "pingzhi.state.backend", "ROCKSDB",
                                "pingzhi.checkpoint.interval", "0 s"));

        Configuration flink = Operations.flinkConfiguration(pingzhi);

        assertThat(flink.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(flink.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(flink.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEmpty();
        assertThat(Operations.checkpointing(pingzhi)).isFalse();
    }

    @Test
    void warnsWhenAFileHoldingASecretIsReadableByOthers() throws Exception {
        Path open = folder.resolve("open.properties");
        Files.writeString(open, "pingzhi.elasticsearch.password=s3cret-s3cret\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Path ownerOnly = folder.resolve("owner-only.properties");
        Files.writeString(ownerOnly, "pingzhi.privacy.caller-key-secret=0123456789abcdef\n");
        Files.setPosixFilePermissions(ownerOnly, PosixFilePermissions.fromString("rw-------"));
        Path noSecret = folder.resolve("plain.properties");
        Files.writeString(noSecret, "pingzhi.kafka.group-id=g\n");

        List<CapturedLog.Line> warnings;
        try (CapturedLog log = new CapturedLog()) {
            for (Path file : List.of(open, ownerOnly, noSecret)) {
                JobConfiguration.fromArgs(new String[] {"--config", file.toString()}, Map.of());
            }
            warnings = log.lines().stream().filter(line -> line.level() == Level.WARN).toList();
        }

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).message())
                .contains(open.toString(), "pingzhi.elasticsearch.password", "chmod 600")
                .doesNotContain("s3cret");
    }
}
