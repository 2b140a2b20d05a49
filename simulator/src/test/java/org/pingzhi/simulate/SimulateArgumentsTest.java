package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateArgumentsTest {

    private static final Clock NOW =
            Clock.fixed(Instant.parse("2026-12-01T03:04:05.678Z"), ZoneOffset.UTC);

    @Test
    void filesDefaultToAFixedDayAsFastAsPossible() throws Exception {
        SimulateArguments arguments = SimulateArguments.parse(NOW, "--out", "target/sim");

        assertThat(arguments.toKafka()).isFalse();
        assertThat(arguments.outputDirectory()).isEqualTo(Path.of("target/sim"));
        assertThat(arguments.settings().start())
                .isEqualTo(Instant.parse("2026-11-28T00:00:00+08:00"));
        assertThat(arguments.settings().duration()).isEqualTo(Duration.ofHours(24));
        assertThat(arguments.settings().recordLimit()).isEqualTo(Long.MAX_VALUE);
        assertThat(arguments.settings().incidentsPerDay()).isEqualTo(1_500);
        assertThat(arguments.settings().seed()).isEqualTo(1);
        assertThat(arguments.speed()).isInfinite();
        assertThat(arguments.paceFromStart()).isFalse();
    }

    @Test
    void kafkaDefaultsToNowAtRealTimeWithoutEnd() throws Exception {
        SimulateArguments arguments =
                SimulateArguments.parse(NOW, "--bootstrap-servers", "localhost:9092");

        assertThat(arguments.toKafka()).isTrue();
        assertThat(arguments.hotlineTopic()).isEqualTo("hotline-12345");
        assertThat(arguments.policeTopic()).isEqualTo("police-110");
        assertThat(arguments.settings().start()).isEqualTo(Instant.parse("2026-12-01T03:04:00Z"));
        assertThat(arguments.settings().duration()).isNull();
        assertThat(arguments.speed()).isEqualTo(1);
        assertThat(arguments.paceFromStart()).as("event time follows the wall clock").isTrue();
    }

    @Test
    void everyOptionIsTaken() throws Exception {
        SimulateArguments arguments =
                SimulateArguments.parse(
                        NOW,
                        "--bootstrap-servers",
                        "kafka:9093",
                        "--hotline-topic",
                        "h",
                        "--police-topic",
                        "p",
                        "--kafka-property",
                        "security.protocol=SASL_SSL",
                        "--kafka-property",
                        "sasl.jaas.config=a=b",
                        "--seed",
                        "-42",
                        "--speed",
                        "60",
                        "--start",
                        "2026-11-28T08:00:00+08:00",
                        "--duration",
                        "P7D",
                        "--records",
                        "1000000",
                        "--incidents-per-day",
                        "27000");

        assertThat(arguments.bootstrapServers()).isEqualTo("kafka:9093");
        assertThat(arguments.hotlineTopic()).isEqualTo("h");
        assertThat(arguments.policeTopic()).isEqualTo("p");
        assertThat(arguments.kafkaProperties())
                .isEqualTo(Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", "a=b"));
        assertThat(arguments.settings())
                .isEqualTo(
                        new SimulationSettings(
                                -42,
                                Instant.parse("2026-11-28T00:00:00Z"),
                                Duration.ofDays(7),
                                1_000_000,
                                27_000));
        assertThat(arguments.speed()).isEqualTo(60);
        assertThat(arguments.paceFromStart()).isFalse();
    }

    @Test
    void recordsAloneLeaveFilesWithoutTimeLimit() throws Exception {
        SimulateArguments arguments =
                SimulateArguments.parse(NOW, "--out", "x", "--records", "500");

        assertThat(arguments.settings().duration()).isNull();
        assertThat(arguments.settings().recordLimit()).isEqualTo(500);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|give exactly one of --bootstrap-servers",
                "--out x --bootstrap-servers k:1|give exactly one of --bootstrap-servers",
                "--out x --police-topic p|need --bootstrap-servers",
                "--out x --speed fast|--speed takes a positive number",
                "--out x --speed 0|--speed takes a positive number",
                "--out x --duration 24h|--duration takes a positive ISO-8601 duration",
                "--out x --duration PT0S|--duration takes a positive ISO-8601 duration",
                "--out x --start 2026-11-28|--start takes an ISO-8601 instant",
                "--out x --records -1|--records takes a positive whole number",
                "--out x --seed 1.5|--seed takes a whole number",
                "--out x --incidents-per-day NaN|--incidents-per-day takes a positive number",
                "--bootstrap-servers k:1 --kafka-property acks|--kafka-property takes KEY=VALUE",
                "--out x --seed 1 --seed 2|--seed is given twice",
                "--out x --verbose 1|unknown option --verbose",
                "--out|--out needs a value"
            })
    void aBadCommandLineSaysWhatIsWrong(String commandLine, String message) {
        String[] args = commandLine.isEmpty() ? new String[0] : commandLine.split(" ");

        assertThatThrownBy(() -> SimulateArguments.parse(NOW, args))
                .isInstanceOf(SimulateArguments.UsageException.class)
                .hasMessageContaining(message);
    }

    @Test
    void helpAsksForTheUsageOnly() {
        assertThatThrownBy(() -> SimulateArguments.parse(NOW, "--help"))
                .isInstanceOf(SimulateArguments.UsageException.class)
                .hasMessage("");
    }
}
