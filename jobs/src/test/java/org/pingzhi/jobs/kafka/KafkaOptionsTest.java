package org.pingzhi.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class KafkaOptionsTest {

    private static final Map<String, String> PLAIN_PASSWORD_IN_CLEAR =
            Map.of(
                    "pingzhi.kafka.property.security.protocol", "SASL_PLAINTEXT",
                    "pingzhi.kafka.property.sasl.mechanism", "PLAIN",
                    "pingzhi.kafka.property.sasl.jaas.config",
                            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                    + " username=\"pingzhi\" password=\"s3cret\";");

    @Test
    void productionRefusesAPasswordSentInClear() {
        Map<String, String> settings = new HashMap<>(PLAIN_PASSWORD_IN_CLEAR);
        settings.put("pingzhi.mode", "PRODUCTION");

        assertThatThrownBy(() -> KafkaOptions.clientProperties(Configuration.fromMap(settings)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingzhi.kafka.property.security.protocol")
                .hasMessageContaining("SASL_SSL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void developmentPassesTheSettingsOn() {
        assertThat(KafkaOptions.clientProperties(Configuration.fromMap(PLAIN_PASSWORD_IN_CLEAR)))
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN");
    }
}
