package org.pingzhi.jobs.rules.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.testing.KafkaExtension;

/** {@code pingzhi rules publish} against the real broker. */
@ExtendWith(KafkaExtension.class)
class RulesCommandTest {

    @TempDir Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RulesCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String shippedRules() throws IOException {
        try (InputStream in = RulesFile.class.getResourceAsStream(RulesFile.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void publishesAValidFileKeyedByItsVersion() throws Exception {
        String topic = "rules-valid";
        KafkaExtension.createTopics(topic);
        Path file = Files.writeString(folder.resolve("rules.json"), shippedRules());

        int exit =
                run(
                        "publish",
                        file.toString(),
                        "--bootstrap-servers",
                        KafkaExtension.bootstrapServers(),
                        "--topic",
                        topic);

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(records(topic, 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("pinghu-2026-12-01", shippedRules()));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("pinghu-2026-12-01", "7 rules", topic);
    }

    @Test
    void rejectsAnInvalidFileNamingTheRuleAndPublishesNothing() throws Exception {
        String topic = "rules-invalid";
        KafkaExtension.createTopics(topic);
        Path file =
                Files.writeString(
                        folder.resolve("bad.json"),
                        shippedRules()
                                .replace(
                                        "\"threshold\": 3,\n      \"window\": \"PT30M\"",
                                        "\"threshold\": 1,\n      \"window\": \"PT30M\""));

        int exit =
                run(
                        "publish",
                        file.toString(),
                        "--bootstrap-servers",
                        KafkaExtension.bootstrapServers(),
                        "--topic",
                        topic);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("dispute-hotspot-village", "\"threshold\"");
        assertThat(records(topic, 0)).isEmpty();
    }

    @Test
    void anUnreadableFileIsAClearError() {
        int exit =
                run(
                        "publish",
                        folder.resolve("missing.json").toString(),
                        "--bootstrap-servers",
                        KafkaExtension.bootstrapServers());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.json");
    }

    @Test
    void aBadCommandLineShowsTheUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("publish")).isEqualTo(2);
        assertThat(run("withdraw", "x.json")).isEqualTo(2);
        assertThat(run("publish", "x.json", "--bootstrap-servers")).isEqualTo(2);
        assertThat(run("publish", "x.json", "--colour", "red")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Usage: pingzhi rules publish FILE");
    }

    /** The topic's records once {@code expected} have arrived, or whatever came by a deadline. */
    private static List<ConsumerRecord<String, String>> records(String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        properties, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((consumer.position(partition) < end || records.size() < expected)
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
