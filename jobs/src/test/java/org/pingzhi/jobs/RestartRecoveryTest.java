package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.normalize.NormalizeResult;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.jobs.graph.CommandCenterGraph;
import org.pingzhi.jobs.simulate.SimulatedRecord;
import org.pingzhi.jobs.simulate.SimulationSettings;
import org.pingzhi.jobs.simulate.TrafficSimulator;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;

/**
 * The job fails on purpose mid-stream and recovers from its checkpoint: what it leaves in
 * Elasticsearch equals an undisturbed run's, under the same deterministic ids (no duplicates).
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class RestartRecoveryTest {

    private static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    @Test
    void aFailureMidStreamRecoversFromTheCheckpointAndEndsAsAnUndisturbedRun() throws Exception {
        List<SimulatedRecord> traffic = traffic();
        Map<DocumentKind, Map<String, JsonNode>> undisturbed =
                run("e2e-undisturbed", traffic, false);
        Map<DocumentKind, Map<String, JsonNode>> recovered = run("e2e-recovered", traffic, true);

        assertThat(FAILED).as("the failure was injected").isTrue();
        assertThat(recovered.get(DocumentKind.INCIDENT))
                .hasSize(undisturbed.get(DocumentKind.INCIDENT).size())
                .isEqualTo(undisturbed.get(DocumentKind.INCIDENT));
        // How the two topics interleave decides, in either run, whether a late record meets a
        // watermark already past a warning point or a deadline: warnings (never withdrawn) and
        // retractions may differ. The facts that stand do not: what the failed attempt wrote beyond
        // its checkpoint and the recovered attempt does not stand by is deleted (RestoreSweep).
        Predicate<JsonNode> standingFact =
                d ->
                        !d.path("retracted").asBoolean()
                                && !List.of("WARNING", "RETRACTED")
                                        .contains(d.path("type").asText());
        assertThat(standing(recovered.get(DocumentKind.SLA_EVENT), standingFact))
                .isEqualTo(standing(undisturbed.get(DocumentKind.SLA_EVENT), standingFact));
        Predicate<JsonNode> openAlert = d -> d.path("status").asText().equals("OPEN");
        assertThat(standing(recovered.get(DocumentKind.ALERT), openAlert))
                .isEqualTo(standing(undisturbed.get(DocumentKind.ALERT), openAlert));
        assertThat(
                        withoutRunName(
                                recovered.get(DocumentKind.DEAD_LETTER).keySet(), "e2e-recovered"))
                .isNotEmpty()
                .isEqualTo(
                        withoutRunName(
                                undisturbed.get(DocumentKind.DEAD_LETTER).keySet(),
                                "e2e-undisturbed"));
    }

    /** Dead-letter ids name the run's own topics: {@code <run>-hotline:0:236}. */
    private static Set<String> withoutRunName(Set<String> ids, String runName) {
        Set<String> stripped = new TreeSet<>();
        ids.forEach(id -> stripped.add(id.substring(runName.length())));
        return stripped;
    }

    private static Map<DocumentKind, Map<String, JsonNode>> run(
            String name, List<SimulatedRecord> traffic, boolean failOnce) throws Exception {
        Configuration configuration = LiveCommandCenter.configuration(name, Map.of());
        try (LiveCommandCenter center =
                LiveCommandCenter.start(
                        configuration, (env, conf) -> wireWithFailure(env, conf, failOnce))) {
            int half = traffic.size() / 2;
            produce(center, traffic.subList(0, half));
            Poll.until(
                    Duration.ofSeconds(90),
                    "the first half indexed",
                    () -> center.documents(DocumentKind.INCIDENT),
                    docs -> docs.size() > 50);
            if (failOnce) {
                Poll.until(
                        Duration.ofSeconds(60),
                        "a checkpoint completed",
                        CHECKPOINTED::get,
                        Boolean::booleanValue);
            }
            produce(center, traffic.subList(half, traffic.size()));
            Set<String> incidents = incidentIds(traffic);
            Poll.until(
                    Duration.ofSeconds(120),
                    "every incident indexed and decided (no longer PENDING)",
                    () -> center.documents(DocumentKind.INCIDENT),
                    docs ->
                            docs.keySet().equals(incidents)
                                    && docs.values().stream()
                                            .noneMatch(
                                                    doc ->
                                                            doc.path("slaStatus")
                                                                    .asText()
                                                                    .equals("PENDING")));
            return Poll.until(
                    Duration.ofSeconds(60),
                    "nothing more to write",
                    () -> snapshot(center),
                    new Settled());
        }
    }

    private static void wireWithFailure(
            StreamExecutionEnvironment env, Configuration configuration, boolean failOnce) {
        CommandCenterJob.writeOutputs(
                configuration,
                CommandCenterGraph.build(
                        CommandCenterJob.kafkaRecords(env, configuration, Source.HOTLINE_12345)
                                .map(new FailOnceAfterACheckpoint(failOnce))
                                .uid("fail-once")
                                .name("Fail once"),
                        CommandCenterJob.kafkaRecords(env, configuration, Source.POLICE_110),
                        CommandCenterJob.settings(configuration)));
    }

    private static void produce(LiveCommandCenter center, List<SimulatedRecord> records)
            throws Exception {
        for (Source source : Source.values()) {
            center.produce(
                    source,
                    records.stream()
                            .filter(record -> record.source() == source)
                            .map(SimulatedRecord::value)
                            .toList());
        }
    }

    private static Set<String> incidentIds(List<SimulatedRecord> traffic) {
        Normalizer normalizer = Normalizer.fromConfiguration(new Configuration());
        Set<String> ids = new TreeSet<>();
        for (SimulatedRecord record : traffic) {
            if (normalizer.normalize(
                            record.source(),
                            new RawRecord(record.source().defaultTopic(), 0, 0, record.value()))
                    instanceof NormalizeResult.Accepted accepted) {
                ids.add(accepted.event().incidentId());
            }
        }
        return ids;
    }

    /**
     * A busy county's quarter of an hour or so, ending well in the past: every deadline is past,
     * and no incident is old enough to be cleaned up before its last record arrives.
     */
    private static List<SimulatedRecord> traffic() {
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        return new TrafficSimulator(
                        SimulationSettings.of(7L, start)
                                .withRecordLimit(1_200)
                                .withIncidentsPerDay(30_000))
                .stream().toList();
    }

    private static Map<DocumentKind, Map<String, JsonNode>> snapshot(LiveCommandCenter center)
            throws Exception {
        Map<DocumentKind, Map<String, JsonNode>> documents = new TreeMap<>();
        for (DocumentKind kind :
                List.of(
                        DocumentKind.INCIDENT,
                        DocumentKind.SLA_EVENT,
                        DocumentKind.ALERT,
                        DocumentKind.DEAD_LETTER)) {
            documents.put(kind, center.documents(kind));
        }
        return documents;
    }

    private static Map<String, JsonNode> standing(
            Map<String, JsonNode> documents, Predicate<JsonNode> stands) {
        Map<String, JsonNode> kept = new TreeMap<>();
        documents.forEach(
                (id, document) -> {
                    if (stands.test(document)) {
                        kept.put(id, document);
                    }
                });
        return kept;
    }

    /**
     * True once the documents have not changed for longer than it takes a silent source to move the
     * watermark on (idle-after + out-of-orderness) and the sink to flush: nothing more is due.
     */
    private static final class Settled
            implements Predicate<Map<DocumentKind, Map<String, JsonNode>>> {
        private static final long QUIET_NANOS = Duration.ofSeconds(6).toNanos();
        private Map<DocumentKind, Map<String, JsonNode>> previous;
        private long unchangedSince;

        @Override
        public boolean test(Map<DocumentKind, Map<String, JsonNode>> current) {
            long now = System.nanoTime();
            if (!current.equals(previous)) {
                previous = current;
                unchangedSince = now;
                return false;
            }
            return now - unchangedSince >= QUIET_NANOS;
        }
    }

    /** Throws once, on the first record after a completed checkpoint, then never again. */
    private static final class FailOnceAfterACheckpoint
            implements MapFunction<RawRecord, RawRecord>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final boolean enabled;
        private transient boolean checkpointed;

        FailOnceAfterACheckpoint(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public RawRecord map(RawRecord record) {
            if (enabled && checkpointed && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("failure injected on purpose by the test");
            }
            return record;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
            if (enabled) {
                CHECKPOINTED.set(true);
            }
        }
    }
}
