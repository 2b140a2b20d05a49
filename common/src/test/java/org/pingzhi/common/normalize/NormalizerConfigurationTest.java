package org.pingzhi.common.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.privacy.CallerKeyHasher;

class NormalizerConfigurationTest {

    private static final String SECRET = "a-production-secret-of-some-length";

    @Test
    void buildsFromTheShippedDirectoriesAndTheConfiguredSecret() {
        Configuration conf =
                Configuration.fromMap(
                        Map.of(
                                "pingzhi.mode",
                                "PRODUCTION",
                                "pingzhi.privacy.caller-key-secret",
                                SECRET));

        Normalizer normalizer = Normalizer.fromConfiguration(conf);
        NormalizeResult result =
                normalizer.normalize(
                        Source.HOTLINE_12345,
                        new RawRecord(
                                "hotline-12345",
                                0,
                                0,
                                NormalizerFixture.hotlineCreate()
                                        .toString()
                                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(result)
                .isInstanceOfSatisfying(
                        NormalizeResult.Accepted.class,
                        accepted -> {
                            assertThat(accepted.event().townCode()).isEqualTo("330482102");
                            assertThat(accepted.event().category()).isEqualTo("LABOUR");
                            assertThat(accepted.event().callerKey())
                                    .isEqualTo(
                                            CallerKeyHasher.withSecret(SECRET)
                                                    .keyOf("13757311111"));
                        });
    }

    @Test
    void refusesProductionWithoutASecret() {
        Configuration conf = Configuration.fromMap(Map.of("pingzhi.mode", "PRODUCTION"));

        assertThatThrownBy(() -> Normalizer.fromConfiguration(conf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingzhi.privacy.caller-key-secret");
    }
}
