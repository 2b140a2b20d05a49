package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class MetricsOptionsTest {

    @Test
    void theLatenessBoundIsAnHourByDefault() {
        assertThat(MetricsOptions.latenessMillis(new Configuration().get(MetricsOptions.LATENESS)))
                .isEqualTo(3_600_000);
    }

    @Test
    void aNegativeBoundIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> MetricsOptions.latenessMillis(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingzhi.metrics.lateness");
    }
}
