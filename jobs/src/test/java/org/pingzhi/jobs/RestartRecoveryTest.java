package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.NormalizeResult;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.jobs.config.RulesOptions;
import org.pingzhi.jobs.graph.CommandCenterGraph;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;
import org.pingzhi.simulate.SimulatedRecord;
import org.pingzhi.simulate.SimulationSettings;
import org.pingzhi.simulate.TrafficSimulator;

/**
 * The job fails on purpose mid-stream and recovers from its checkpoint: what it leaves in
 * Elasticsearch equals an undisturbed run's, under the same deterministic ids (no duplicates),
 * every SLA event included (warnings and retractions too).
 *
 * <p>So that an undisturbed run's SLA events do not depend on how the two topics interleave, the
 * input is made deterministic: a probe incident first brings time (via the silent-source wall
 * clock) past every SLA step of the traffic, so each record is judged after all of its incident's
 * steps are due; and the traffic keeps only incidents whose records all come from one topic (one
 * partition), so each incident's records arrive in one fixed order. What an incident emits then
 * depends only on that order, in either run; the recovered run must not judge anything earlier than
 * the time its checkpoint had reached.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class RestartRecoveryTest {

    /**
     * The shipped rules, all six kinds, and a BREACH_RATE rule of one-minute windows that the
     * probe's breach fires on time. The traffic comes behind the watermark: its windows are judged
     * before it arrives, so it fires nothing (BACKLOG counts it from the next minute end on, too
     * late to fire within the test). Before the window rules judged lateness by the watermark, such
     * a run's SURGE/BREACH_RATE/BACKLOG alerts depended on how the records interleaved with
     * watermark steps, in two undisturbed runs as well (issue 9).
     */
    private static final Path ALL_KINDS_RULES = resource("/rules/all-kinds-rules.json");

    private static final AtomicInteger CHECKPOINTS = new AtomicInteger();
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    /**
     * Reported after the traffic and before now; its CITY step comes after all of the traffic's.
     */
    private static final String PROBE_ALARM = "J-PROBE-000001";

    private static final long PROBE_REPORTED_AT =
            Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli();

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
        assertThat(recovered.get(DocumentKind.SLA_EVENT))
                .as("every SLA event, RETRACTED and WARNING included")
                .isEqualTo(undisturbed.get(DocumentKind.SLA_EVENT));
        assertThat(undisturbed.get(DocumentKind.SLA_EVENT).keySet())
                .as("the traffic has retractions to compare")
                .anyMatch(id -> id.endsWith(":RETRACTED"));
        assertThat(recovered.get(DocumentKind.ALERT))
                .isEqualTo(undisturbed.get(DocumentKind.ALERT));
        assertThat(undisturbed.get(DocumentKind.ALERT).keySet())
                .as("the probe's breach fires the minute BREACH_RATE rule")
                .anyMatch(id -> id.startsWith("rule:probe-breach-rate-minute:"));
        assertThat(
                        withoutRunName(
                                recovered.get(DocumentKind.DEAD_LETTER).keySet(), "e2e-recovered"))
                .isNotEmpty()
                .isEqualTo(
                        withoutRunName(
                                undisturbed.get(DocumentKind.DEAD_LETTER).keySet(),
                                "e2e-undisturbed"));
    }

    private static Path resource(String name) {
        try {
            return Path.of(RestartRecoveryTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(name, e);
        }
    }

    /** Dead-letter ids name the run's own topics: {@code <run>-hotline:0:236}. */
    private static Set<String> withoutRunName(Set<String> ids, String runName) {
        Set<String> stripped = new TreeSet<>();
        ids.forEach(id -> stripped.add(id.substring(runName.length())));
        return stripped;
    }

    private static Map<DocumentKind, Map<String, JsonNode>> run(
            String name, List<SimulatedRecord> traffic, boolean failOnce) throws Exception {
        Configuration configuration =
                LiveCommandCenter.configuration(
                        name, Map.of(RulesOptions.RULES_FILE.key(), ALL_KINDS_RULES.toString()));
        try (LiveCommandCenter center =
                LiveCommandCenter.start(
                        configuration, (env, conf) -> wireWithFailure(env, conf, failOnce))) {
            center.produce(Source.POLICE_110, List.of(probe()));
            Poll.until(
                    Duration.ofSeconds(90),
                    "time past the probe's CITY step (both topics silent: the wall clock)",
                    () -> center.documents(DocumentKind.INCIDENT),
                    docs ->
                            docs.containsKey("110-" + PROBE_ALARM)
                                    && docs.get("110-" + PROBE_ALARM)
                                            .path("escalationLevel")
                                            .asText()
                                            .equals("CITY"));
            int half = traffic.size() / 2;
            produce(center, traffic.subList(0, half));
            Poll.until(
                    Duration.ofSeconds(90),
                    "the first half indexed",
                    () -> center.documents(DocumentKind.INCIDENT),
                    docs -> docs.size() > 50);
            if (failOnce) {
                int seen = CHECKPOINTS.get();
                Poll.until(
                        Duration.ofSeconds(60),
                        "two checkpoints completed since (the later one holds the first half)",
                        CHECKPOINTS::get,
                        count -> count >= seen + 2);
                ARMED.set(true);
            }
            produce(center, traffic.subList(half, traffic.size()));
            Set<String> incidents = new TreeSet<>(incidentIds(traffic).keySet());
            incidents.add("110-" + PROBE_ALARM);
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

    /** The traffic's incidents, each with the sources of its valid records. */
    private static Map<String, Set<Source>> incidentIds(List<SimulatedRecord> traffic) {
        Normalizer normalizer = Normalizer.fromConfiguration(new Configuration());
        Map<String, Set<Source>> ids = new TreeMap<>();
        for (SimulatedRecord record : traffic) {
            incidentOf(normalizer, record)
                    .ifPresent(
                            id ->
                                    ids.computeIfAbsent(id, any -> EnumSet.noneOf(Source.class))
                                            .add(record.source()));
        }
        return ids;
    }

    private static Optional<String> incidentOf(Normalizer normalizer, SimulatedRecord record) {
        return normalizer.normalize(
                                record.source(),
                                new RawRecord(record.source().defaultTopic(), 0, 0, record.value()))
                        instanceof NormalizeResult.Accepted accepted
                ? Optional.of(accepted.event().incidentId())
                : Optional.empty();
    }

    /** A 110 report 30 minutes ago: once its CITY step is due, so are all of the traffic's. */
    private static byte[] probe() {
        return ("{\"alarmId\": \""
                        + PROBE_ALARM
                        + "\", \"status\": \"RECEIVED\", \"statusTime\": "
                        + PROBE_REPORTED_AT
                        + ", \"alarmType\": \"纠纷\", \"level\": 2, \"station\": \"当湖派出所\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A busy county's quarter of an hour or so, ending well in the past: every deadline is past,
     * and no incident is old enough to be cleaned up before its last record arrives. Handed-over
     * incidents (records on both topics) are left out, so that no incident's records depend on how
     * the topics interleave; malformed records stay.
     */
    private static List<SimulatedRecord> traffic() {
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        List<SimulatedRecord> all =
                new TrafficSimulator(
                                SimulationSettings.of(7L, start)
                                        .withRecordLimit(1_200)
                                        .withIncidentsPerDay(30_000))
                        .stream().toList();
        Map<String, Set<Source>> incidents = incidentIds(all);
        Normalizer normalizer = Normalizer.fromConfiguration(new Configuration());
        return all.stream()
                .filter(
                        record ->
                                incidentOf(normalizer, record)
                                        .map(id -> incidents.get(id).size() == 1)
                                        .orElse(true))
                .toList();
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

    /**
     * True once the documents have not changed for longer than it takes a silent source to move the
     * watermark on and the sink to flush: nothing more is due. After a backlog (the traffic is
     * hours old) a silent source follows the wall clock once its offsets are committed, by the
     * first checkpoint that completes after it was read (seen to take 10 s after the restore on a
     * loaded machine), then idle-after + out-of-orderness.
     */
    private static final class Settled
            implements Predicate<Map<DocumentKind, Map<String, JsonNode>>> {
        private static final long QUIET_NANOS = Duration.ofSeconds(15).toNanos();
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

    /**
     * Throws once, on the first record after a completed checkpoint once the test armed it, then
     * never again.
     */
    private static final class FailOnceAfterACheckpoint
            implements MapFunction<
                            Either<UnifiedEvent, DeadLetter>, Either<UnifiedEvent, DeadLetter>>,
                    CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final boolean enabled;
        private transient boolean checkpointed;

        FailOnceAfterACheckpoint(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public Either<UnifiedEvent, DeadLetter> map(Either<UnifiedEvent, DeadLetter> record) {
            if (enabled && ARMED.get() && checkpointed && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("failure injected on purpose by the test");
            }
            return record;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
            if (enabled) {
                CHECKPOINTS.incrementAndGet();
            }
        }
    }
}
