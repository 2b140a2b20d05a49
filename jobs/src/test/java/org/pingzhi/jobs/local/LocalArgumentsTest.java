package org.pingzhi.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pingzhi.jobs.config.UsageException;

class LocalArgumentsTest {

    @Test
    void theSimulatorRunsInRealTimeByDefaultAndCanBeLeftOut() throws Exception {
        LocalArguments defaults = LocalArguments.parse();
        LocalArguments quiet = LocalArguments.parse("--no-simulator", "--web-port", "8082");

        assertThat(defaults.simulate()).isTrue();
        assertThat(defaults.incidentsPerDay()).isEqualTo(15_000);
        assertThat(quiet.simulate()).isFalse();
        assertThat(quiet.webUiPort()).isEqualTo(8082);
    }

    @Test
    void aSpeedIsNoLongerAnOptionSinceTrafficCannotRunAheadOfTheWallClock() {
        assertThatThrownBy(() -> LocalArguments.parse("--speed", "10"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--speed");
    }
}
