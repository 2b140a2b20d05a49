package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;
import org.pingzhi.jobs.testing.RawInputs;

/**
 * Event time is kept per Kafka partition: one subtask reads both partitions of the 110 topic, and
 * the one that lags minutes behind is judged by its own time, not by its neighbour's. An incident
 * on the lagging partition that was answered within its target shows no BREACH and no RETRACTED.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class LaggingPartitionTest {

    private static final int TARGET_SECONDS = 60;
    private static final Duration LAG = Duration.ofMinutes(5);
    private static final String LAGGING = "J-LAGGING-1";
    private static final String LEADING = "J-LEADING-1";

    @TempDir Path folder;

    @Test
    void anIncidentOnALaggingPartitionIsJudgedByThatPartitionsTime() throws Exception {
        Path policy = LiveCommandCenter.policyFile(folder, TARGET_SECONDS);
        Configuration configuration =
                LiveCommandCenter.configuration(
                        "e2e-lagging-partition",
                        Map.of(
                                "pingzhi.sla.policy-file",
                                policy.toString(),
                                // no partition falls silent long enough in this test for the
                                // wall clock to judge it: only event time decides
                                "pingzhi.time.idle-after",
                                "3 min"));
        KafkaExtension.createTopics(2, configuration.get(KafkaOptions.POLICE_TOPIC));
        try (LiveCommandCenter center =
                LiveCommandCenter.start(configuration, CommandCenterJob::wire)) {
            long now = System.currentTimeMillis();
            long lagging = now - LAG.toMillis();
            center.produce(
                    Source.HOTLINE_12345,
                    0,
                    List.of(RawInputs.order("PH-LEADING-1", now - 10_000)));
            center.produce(
                    Source.POLICE_110,
                    0,
                    List.of(
                            RawInputs.alarm(LEADING, "RECEIVED", now - 10_000),
                            RawInputs.alarm(LEADING, "ARRIVED", now - 5_000)));
            center.produce(
                    Source.POLICE_110, 1, List.of(RawInputs.alarm(LAGGING, "RECEIVED", lagging)));
            Poll.until(
                    Duration.ofSeconds(90),
                    "both topics' incidents indexed (the job read them)",
                    () -> center.documents(DocumentKind.INCIDENT),
                    docs ->
                            docs.containsKey("12345-PH-LEADING-1")
                                    && docs.containsKey("110-" + LEADING)
                                    && docs.containsKey("110-" + LAGGING));

            // the lagging partition goes on with its backlog: the response came within the target
            center.produce(
                    Source.POLICE_110,
                    1,
                    List.of(RawInputs.alarm(LAGGING, "ARRIVED", lagging + 30_000)));
            JsonNode answered =
                    Poll.until(
                                    Duration.ofSeconds(60),
                                    "the lagging incident answered",
                                    () -> center.documents(DocumentKind.INCIDENT),
                                    docs ->
                                            docs.get("110-" + LAGGING)
                                                    .path("status")
                                                    .asText()
                                                    .equals("ON_SCENE"))
                            .get("110-" + LAGGING);

            assertThat(answered.get("slaStatus").asText()).isEqualTo("MET");
            assertThat(answered.get("escalationLevel").asText()).isEqualTo("NONE");
            assertThat(center.documents(DocumentKind.SLA_EVENT).keySet())
                    .filteredOn(id -> id.startsWith("110-" + LAGGING + ":"))
                    .containsExactly("110-" + LAGGING + ":MET");
            assertThat(center.documents(DocumentKind.ALERT)).isEmpty();
        }
    }
}
