package org.pingzhi.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.privacy.PrivacyOptions;

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
}
