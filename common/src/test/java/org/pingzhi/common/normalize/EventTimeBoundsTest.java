package org.pingzhi.common.normalize;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeBoundsTest {

    @ParameterizedTest
    @ValueSource(strings = {"-1 ms", "25 h", "106751991167 d"})
    void refusesAToleranceOutsideZeroToOneDay(String maxAhead) {
        Configuration conf =
                Configuration.fromMap(Map.of("pingzhi.normalize.max-event-time-ahead", maxAhead));

        assertThatThrownBy(() -> EventTimeBounds.fromConfiguration(conf, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingzhi.normalize.max-event-time-ahead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 ms", "24 h"})
    void acceptsTheLimitsOfTheTolerance(String maxAhead) {
        Duration parsed =
                Configuration.fromMap(Map.of("pingzhi.normalize.max-event-time-ahead", maxAhead))
                        .get(NormalizerOptions.MAX_EVENT_TIME_AHEAD);

        assertThatCode(
                        () ->
                                new EventTimeBounds(parsed, Clock.systemUTC())
                                        .check("t", System.currentTimeMillis()))
                .doesNotThrowAnyException();
    }
}
