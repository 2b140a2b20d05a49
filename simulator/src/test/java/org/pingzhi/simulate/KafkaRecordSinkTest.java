package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaRecordSinkTest {

    @Test
    void theProducerIsIdempotentWaitsForAllReplicasAndLingersBriefly() throws Exception {
        Properties properties =
                KafkaRecordSink.producerProperties(
                        SimulateArguments.parse(
                                Clock.systemUTC(), "--bootstrap-servers", "k:9092"));

        assertThat(properties)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .containsEntry(
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class.getName())
                .containsEntry(
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class.getName());
    }

    @Test
    void theUsersPropertiesComeOnTop() throws Exception {
        Properties properties =
                KafkaRecordSink.producerProperties(
                        SimulateArguments.parse(
                                Clock.systemUTC(),
                                "--bootstrap-servers",
                                "k:9092",
                                "--kafka-property",
                                "linger.ms=5",
                                "--kafka-property",
                                "security.protocol=SSL"));

        assertThat(properties)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5")
                .containsEntry("security.protocol", "SSL");
    }
}
