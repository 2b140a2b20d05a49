package org.pingzhi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.jobs.config.JobConfiguration;
import org.pingzhi.jobs.config.UsageException;

class LocalArgumentsTest {

    @Test
    void theSimulatorRunsInRealTimeByDefaultAndCanBeLeftOut() throws Exception {
        LocalArguments defaults = LocalArguments.parse(Map.of());
        LocalArguments quiet =
                LocalArguments.parse(Map.of(), "--no-simulator", "--web-port", "8082");

        assertThat(defaults.simulate()).isTrue();
        assertThat(defaults.incidentsPerDay()).isEqualTo(15_000);
        assertThat(quiet.simulate()).isFalse();
        assertThat(quiet.webUiPort()).isEqualTo(8082);
    }

    @Test
    void aSpeedIsNoLongerAnOptionSinceTrafficCannotRunAheadOfTheWallClock() {
        assertThatThrownBy(() -> LocalArguments.parse(Map.of(), "--speed", "10"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--speed");
    }

    @Test
    void takesTheJobOptionsLikeEveryCommand(@TempDir Path folder) throws Exception {
        Path config = Files.writeString(folder.resolve("pingzhi.properties"), "a=file\nb=file\n");
        Map<String, String> environment =
                Map.of(JobConfiguration.CALLER_KEY_SECRET_VARIABLE, "env-secret-0123456789");
        String[] options = {"--config", config.toString(), "--conf", "b=command-line"};

        LocalArguments arguments = LocalArguments.parse(environment, options);

        assertThat(arguments.configuration())
                .isEqualTo(JobConfiguration.fromArgs(options, environment).toMap())
                .containsEntry("a", "file")
                .containsEntry("b", "command-line")
                .containsEntry("pingzhi.privacy.caller-key-secret", "env-secret-0123456789");
    }
}
