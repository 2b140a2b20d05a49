package org.pingzhi.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.dispatch.delivery.ChannelServer;
import org.pingzhi.dispatch.roster.SampleRoster;
import org.pingzhi.dispatch.testing.Eventually;
import org.pingzhi.dispatch.testing.RealElasticsearch;
import org.pingzhi.dispatch.testing.RealKafka;

/**
 * The dispatch job on a MiniCluster against the real Kafka and Elasticsearch, a local HTTP server
 * standing in for every robot and webhook of the sample roster.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
class DispatchJobLiveTest {

    static final Duration WITHIN = Duration.ofSeconds(180);

    /** How long before the escalation instant the acknowledgement goes. */
    static final Duration ACK_AHEAD = Duration.ofMillis(700);

    /** The sample roster's CRITICAL crew of 当湖街道: its DingTalk robot and its WeCom robot. */
    /** The sample roster's CRITICAL city duty: its robots and the ops webhook. */
    static final List<String> CITY_PATHS =
            List.of("/dingtalk/city-dingtalk", "/wecom/city-wecom", "/webhook/ops-webhook");

    static final List<String> DANGHU_PATHS =
            List.of("/dingtalk/danghu-dingtalk", "/wecom/danghu-wecom");

    @TempDir Path work;

    private ChannelServer robots;
    private KafkaProducer<String, String> producer;
    private Configuration configuration;
    private final List<JobClient> jobs = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        robots = new ChannelServer(ChannelServer.ROBOT_OK);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String alerts = "alerts-" + run;
        String acks = "acks-" + run;
        RealKafka.createTopics(alerts, acks, "roster-" + run, "deadletter-" + run);
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
        producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        configuration =
                Configuration.fromMap(
                        Map.ofEntries(
                                Map.entry(
                                        DispatchOptions.ROSTER_FILE.key(),
                                        localRoster().toString()),
                                Map.entry(
                                        DispatchOptions.BOOTSTRAP_SERVERS.key(),
                                        RealKafka.bootstrapServers()),
                                Map.entry(DispatchOptions.ALERTS_TOPIC.key(), alerts),
                                Map.entry(DispatchOptions.ACKS_TOPIC.key(), acks),
                                Map.entry(DispatchOptions.ROSTER_TOPIC.key(), "roster-" + run),
                                Map.entry(
                                        DispatchOptions.DEAD_LETTER_TOPIC.key(),
                                        "deadletter-" + run),
                                Map.entry(DispatchOptions.GROUP_ID.key(), "dispatch-" + run),
                                Map.entry(
                                        DispatchOptions.ELASTICSEARCH_HOSTS.key(),
                                        RealElasticsearch.url()),
                                Map.entry(
                                        DispatchOptions.NOTIFICATIONS_INDEX.key(),
                                        "pingzhi-notifications-" + run),
                                Map.entry(
                                        DispatchOptions.ACK_SECRET.key(),
                                        "live-test-secret-0123456789"),
                                // only the test's savepoint keeps state: what follows it is redone
                                Map.entry(DispatchOptions.CHECKPOINT_INTERVAL.key(), "1 h")));
        createNotificationsIndex(configuration.get(DispatchOptions.NOTIFICATIONS_INDEX));
    }

    /**
     * The notifications index as the shipped template makes it, before the job writes: its fields
     * are keywords as in production, and the first delivery does not wait for the index to be made.
     */
    private static void createNotificationsIndex(String index) throws Exception {
        var template = shippedTemplate().get("template");
        HttpResponse<String> created =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(RealElasticsearch.url() + "/" + index))
                                        .header("Content-Type", "application/json")
                                        .PUT(
                                                HttpRequest.BodyPublishers.ofString(
                                                        Json.toString(template)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    /** {@code dashboards/elasticsearch/pingzhi-notifications.json}, the shipped template. */
    static JsonNode shippedTemplate() throws IOException {
        return Json.mapper()
                .readTree(
                        Path.of(System.getProperty("pingzhi.project.root", ".."))
                                .resolve("dashboards/elasticsearch/pingzhi-notifications.json")
                                .toFile());
    }

    @AfterEach
    void stop() throws Exception {
        for (JobClient job : jobs) {
            try {
                job.cancel().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // already cancelled by the test
            }
        }
        producer.close();
        robots.close();
    }

    /** The sample roster with every channel at the local server, its path naming the channel. */
    private Path localRoster() throws Exception {
        return localRoster(SampleRoster.tree());
    }

    private Path localRoster(ObjectNode roster) throws Exception {
        Path file = work.resolve("roster.json");
        Files.writeString(file, Json.toString(localChannels(roster)), StandardCharsets.UTF_8);
        return file;
    }

    /** {@code roster} with every channel at the local server, its path naming the channel. */
    private ObjectNode localChannels(ObjectNode roster) {
        for (var channel : (ArrayNode) roster.get("channels")) {
            ObjectNode entry = (ObjectNode) channel;
            String name = entry.get("name").asText();
            switch (entry.get("type").asText()) {
                case "DINGTALK" ->
                        entry.put(
                                "webhook",
                                robots.uri("/dingtalk/" + name + "?access_token=t").toString());
                case "WECOM" ->
                        entry.put("webhook", robots.uri("/wecom/" + name + "?key=k").toString());
                default -> entry.put("url", robots.uri("/webhook/" + name).toString());
            }
        }
        return roster;
    }

    /** The reports of the jobs of this JVM's MiniCluster, as they come. */
    static final BlockingQueue<DeliveryReport> REPORTS = new LinkedBlockingQueue<>();

    /** Hands each report to {@link #REPORTS}: the MiniCluster runs in the test's JVM. */
    static final class ReportsSink implements Sink<DeliveryReport> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<DeliveryReport> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(DeliveryReport report, Context context) {
                    REPORTS.add(report);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    private JobClient startJob(String savepoint) throws Exception {
        Configuration flink = new Configuration();
        if (savepoint != null) {
            flink.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(1);
        env.enableCheckpointing(Duration.ofHours(1).toMillis());
        DispatchGraph.build(env, configuration)
                .sinkTo(new ReportsSink())
                .uid("test-reports")
                .name("test reports");
        JobClient job = env.executeAsync("dispatch-live-test");
        jobs.add(job);
        return job;
    }

    private void acknowledge(String alertId, String who) throws Exception {
        String ack =
                Json.toString(
                        Map.of("alertId", alertId, "who", who, "at", "2026-12-01T02:11:00.000Z"));
        producer.send(
                        new ProducerRecord<>(
                                configuration.get(DispatchOptions.ACKS_TOPIC), alertId, ack))
                .get();
    }

    /** The documents of the notifications index that {@code query} (Lucene syntax) finds. */
    private long notifications(String query) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String index = configuration.get(DispatchOptions.NOTIFICATIONS_INDEX);
        client.send(
                HttpRequest.newBuilder(
                                URI.create(RealElasticsearch.url() + "/" + index + "/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        JsonNode counted = search(client, "_count", query);
        return counted == null ? -1 : counted.path("count").asLong();
    }

    /** The answer of {@code endpoint} ({@code _count}, {@code _search}) to {@code query}. */
    private JsonNode search(HttpClient client, String endpoint, String query) throws Exception {
        HttpResponse<String> response =
                client.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                RealElasticsearch.url()
                                                        + "/"
                                                        + configuration.get(
                                                                DispatchOptions.NOTIFICATIONS_INDEX)
                                                        + "/"
                                                        + endpoint
                                                        + "?q="
                                                        + URLEncoder.encode(
                                                                query, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
    }

    /** The {@code routedAt} of a document {@code query} finds, epoch milliseconds. */
    private long routedAt(String query) throws Exception {
        String at =
                search(HttpClient.newHttpClient(), "_search", query)
                        .path("hits")
                        .path("hits")
                        .path(0)
                        .path("_source")
                        .path("routedAt")
                        .asText();
        return Instant.parse(at).toEpochMilli();
    }

    /** Polls {@link #notifications} until it counts {@code expected}. */
    private void awaitNotifications(String what, String query, long expected) {
        Eventually.equal(
                WITHIN,
                what,
                () -> {
                    try {
                        return notifications(query);
                    } catch (Exception e) {
                        return -1L;
                    }
                },
                expected);
    }

    private void send(String alertId, String status) throws Exception {
        AlertDocument alert =
                new AlertDocument(
                        alertId,
                        AlertDocument.SLA_ESCALATION_KIND,
                        AlertDocument.SLA_ESCALATION_RULE_ID,
                        null,
                        "CRITICAL",
                        "TOWN",
                        "330482001",
                        "PUBLIC_ORDER",
                        "【平治】当湖街道 事件超时未到场",
                        "事件已 10 分钟无人到场。",
                        List.of("INC-" + alertId),
                        "2026-12-01T02:00:00.000Z",
                        "2026-12-01T02:10:00.000Z",
                        1L,
                        "2026-12-01T02:10:00.000Z",
                        status,
                        status.equals("RESOLVED") ? "2026-12-01T02:30:00.000Z" : null);
        producer.send(
                        new ProducerRecord<>(
                                configuration.get(DispatchOptions.ALERTS_TOPIC),
                                alertId,
                                Json.toString(alert)))
                .get();
    }

    /** The requests the robots got about {@code alertId} (its id is in every message). */
    private long requestsAbout(String alertId, String path) {
        return robots.received().stream()
                .filter(r -> r.path().equals(path) && r.body().contains(alertId))
                .count();
    }

    /**
     * Reads the reports until one of each key of {@code expected} came: the restored job may first
     * report again what was in flight at the savepoint.
     */
    private static List<DeliveryReport> awaitReports(Set<String> expected)
            throws InterruptedException {
        Set<String> missing = new HashSet<>(expected);
        List<DeliveryReport> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!missing.isEmpty()) {
            DeliveryReport report =
                    REPORTS.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (report == null) {
                throw new AssertionError("missing " + missing + "; seen " + seen);
            }
            seen.add(report);
            missing.remove(report.key());
        }
        return seen;
    }

    private static Set<String> keys(String alertId, String round) {
        return Set.of(
                alertId + "|" + round + "|danghu-dingtalk",
                alertId + "|" + round + "|danghu-wecom");
    }

    @Test
    void everyAlertStateReachesEachRecipientExactlyOnceAcrossARestore() throws Exception {
        REPORTS.clear();
        JobClient first = startJob(null);
        send("sla:A1:TOWN", "OPEN");
        send("sla:A2:TOWN", "OPEN");
        Eventually.equal(
                WITHIN, "requests before the savepoint", () -> robots.received().size(), 4);
        String savepoint =
                first.triggerSavepoint(
                                work.resolve("savepoints").toUri().toString(),
                                SavepointFormatType.CANONICAL)
                        .get(60, TimeUnit.SECONDS);

        // delivered after the savepoint: the restored job reads these again and must not resend
        send("sla:A3:TOWN", "OPEN");
        send("sla:A1:TOWN", "RESOLVED");
        Eventually.equal(WITHIN, "requests after the savepoint", () -> robots.received().size(), 8);
        JobID firstId = first.getJobID();
        first.cancel().get(30, TimeUnit.SECONDS);
        // the cancellation is acknowledged before the tasks end: wait for their last reports
        first.getJobExecutionResult()
                .handle((result, cancelled) -> result)
                .get(60, TimeUnit.SECONDS);

        REPORTS.clear();
        JobClient second = startJob(savepoint);
        assertThat(second.getJobID()).isNotEqualTo(firstId);
        send("sla:A4:TOWN", "OPEN");
        Set<String> replayed = new HashSet<>(keys("sla:A3:TOWN", "OPEN"));
        replayed.addAll(keys("sla:A1:TOWN", "RESOLVED"));
        Set<String> awaited = new HashSet<>(replayed);
        awaited.addAll(keys("sla:A4:TOWN", "OPEN"));
        List<DeliveryReport> reports = awaitReports(awaited);

        assertThat(robots.received()).hasSize(10);
        for (String path : DANGHU_PATHS) {
            assertThat(requestsAbout("sla:A1:TOWN", path))
                    .as("A1 (open, resolved) " + path)
                    .isEqualTo(2);
            for (String alert : List.of("sla:A2:TOWN", "sla:A3:TOWN", "sla:A4:TOWN")) {
                assertThat(requestsAbout(alert, path)).as(alert + " " + path).isEqualTo(1);
            }
        }
        assertThat(reports)
                .filteredOn(report -> replayed.contains(report.key()))
                .extracting(DeliveryReport::outcome)
                .containsOnly("SKIPPED");
    }

    @Test
    void anAcknowledgementJustBeforeTheEscalationInstantStopsItAndAReplayedOneCountsOnce()
            throws Exception {
        ObjectNode roster = SampleRoster.tree();
        for (var policy : (ArrayNode) roster.get("policies")) {
            if (policy.get("severity").asText().equals("CRITICAL")) {
                // one minute, then the city: the shortest a roster allows
                ((ObjectNode) policy).put("ackTimeoutMinutes", 1).put("resends", 0);
            }
        }
        localRoster(roster);
        startJob(null);
        send("sla:ACKED:TOWN", "OPEN");
        Eventually.equal(WITHIN, "first round", () -> robots.received().size(), 2);
        send("sla:SILENT:TOWN", "OPEN");
        Eventually.equal(WITHIN, "first round", () -> robots.received().size(), 4);
        // the escalation is due a minute after the dispatch function routed the first round
        awaitNotifications(
                "first round booked", "alertId:\"sla:ACKED:TOWN\" AND outcome:DELIVERED", 2);
        long escalationAt =
                routedAt("alertId:\"sla:ACKED:TOWN\" AND outcome:DELIVERED")
                        + Duration.ofMinutes(1).toMillis();
        long ackAt = escalationAt - ACK_AHEAD.toMillis();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try {
            long acknowledgedAt =
                    clock.schedule(
                                    () -> {
                                        acknowledge("sla:ACKED:TOWN", "danghu-day");
                                        acknowledge("sla:ACKED:TOWN", "danghu-day");
                                        return System.currentTimeMillis();
                                    },
                                    Math.max(0, ackAt - System.currentTimeMillis()),
                                    TimeUnit.MILLISECONDS)
                            .get(2, TimeUnit.MINUTES);
            System.out.printf(
                    "acknowledgement published %d ms before the escalation instant%n",
                    escalationAt - acknowledgedAt);
        } finally {
            clock.shutdownNow();
        }

        // the unacknowledged alert's escalation shows the escalation instant has passed
        for (String city : CITY_PATHS) {
            Eventually.equal(
                    WITHIN,
                    "escalation to " + city,
                    () -> requestsAbout("sla:SILENT:TOWN", city),
                    1L);
        }
        awaitNotifications(
                "acknowledgements audited", "alertStatus:ACKED AND alertId:\"sla:ACKED:TOWN\"", 1);
        for (String city : CITY_PATHS) {
            assertThat(requestsAbout("sla:ACKED:TOWN", city)).as(city).isZero();
        }
        for (String path : DANGHU_PATHS) {
            assertThat(requestsAbout("sla:ACKED:TOWN", path)).as(path).isEqualTo(1);
        }
    }

    @Test
    void aPublishedRosterReroutesTheNextAlertAndAnInvalidOneIsRejected() throws Exception {
        startJob(null);
        send("sla:R1:TOWN", "OPEN");
        for (String path : DANGHU_PATHS) {
            Eventually.equal(WITHIN, "R1 to " + path, () -> requestsAbout("sla:R1:TOWN", path), 1L);
        }

        // 当湖街道's CRITICAL duty now pages the ops webhook: published with the command
        Path changed = work.resolve("roster-changed.json");
        Files.writeString(
                changed,
                Json.toString(
                        localChannels(
                                SampleRoster.withDutyChannels(
                                        "330482001", "CRITICAL", "ops-webhook"))),
                StandardCharsets.UTF_8);
        String rosterTopic = configuration.get(DispatchOptions.ROSTER_TOPIC);
        String[] publish = {
            "publish",
            changed.toString(),
            "--bootstrap-servers",
            RealKafka.bootstrapServers(),
            "--topic",
            rosterTopic
        };
        assertThat(RosterCommand.run(publish, System.out, System.err)).isZero();
        String version = RosterVersion.versionOf(Files.readString(changed));
        // written once the dispatch function has it in force
        awaitNotifications(
                "roster in force", "outcome:ROSTER_IN_FORCE AND rosterVersion:" + version, 1);
        send("sla:R2:TOWN", "OPEN");
        Eventually.equal(
                WITHIN,
                "R2 to the ops webhook",
                () -> requestsAbout("sla:R2:TOWN", "/webhook/ops-webhook"),
                1L);
        awaitNotifications(
                "R2 booked under the new roster",
                "alertId:\"sla:R2:TOWN\" AND outcome:DELIVERED AND rosterVersion:" + version,
                1);

        // an invalid roster (the command refuses it; published around it) changes nothing
        Path broken = work.resolve("roster-broken.json");
        Files.writeString(
                broken,
                Json.toString(
                        localChannels(
                                SampleRoster.withDutyChannels(
                                        "330482001", "CRITICAL", "no-such-robot"))),
                StandardCharsets.UTF_8);
        publish[1] = broken.toString();
        assertThat(RosterCommand.run(publish, System.out, System.err)).isEqualTo(1);
        producer.send(new ProducerRecord<>(rosterTopic, "broken", Files.readString(broken))).get();
        String deadLetters = configuration.get(DispatchOptions.DEAD_LETTER_TOPIC);
        Eventually.equal(
                WITHIN,
                "the invalid roster's dead letter",
                () -> RealKafka.records(deadLetters).size(),
                1);
        var rejected = Json.mapper().readTree(RealKafka.records(deadLetters).get(0).value());
        assertThat(rejected.path("reason").asText()).isEqualTo("INVALID_ROSTER");
        assertThat(rejected.path("message").asText())
                .contains("no-such-robot")
                .contains(rosterTopic + ":0:1");
        assertThat(rejected.has("value") && !rejected.get("value").isNull()).isFalse();
        send("sla:R3:TOWN", "OPEN");
        Eventually.equal(
                WITHIN,
                "R3 to the ops webhook",
                () -> requestsAbout("sla:R3:TOWN", "/webhook/ops-webhook"),
                1L);
        for (String path : DANGHU_PATHS) {
            assertThat(requestsAbout("sla:R2:TOWN", path)).as("R2 " + path).isZero();
            assertThat(requestsAbout("sla:R3:TOWN", path)).as("R3 " + path).isZero();
        }
    }

    @Test
    void aServerErrorThenSuccessShowsTwoAttemptsAndOneDelivery() throws Exception {
        robots.close();
        robots =
                new ChannelServer(
                        new ChannelServer.Reply(500, "oops", null), ChannelServer.ROBOT_OK);
        localRoster();
        startJob(null);
        send("sla:RETRIED:TOWN", "OPEN");
        // the first request gets the 500, its retry and the other robot's request the success
        Eventually.equal(WITHIN, "requests", () -> robots.received().size(), 3);
        String failed = robots.received().get(0).path();
        String recipient = failed.substring(failed.lastIndexOf('/') + 1);
        String ofIt = "alertId:\"sla:RETRIED:TOWN\" AND recipient:\"" + recipient + "\"";
        awaitNotifications("its HTTP attempts", ofIt + " AND outcome:HTTP_ATTEMPT", 2);
        awaitNotifications("its delivery", ofIt + " AND outcome:DELIVERED", 1);
        assertThat(
                        notifications(
                                ofIt
                                        + " AND outcome:HTTP_ATTEMPT AND httpStatus:500 AND"
                                        + " httpAttempt:1 AND answer:RETRY"))
                .isEqualTo(1);
        assertThat(
                        notifications(
                                ofIt
                                        + " AND outcome:HTTP_ATTEMPT AND httpStatus:200 AND"
                                        + " httpAttempt:2 AND errcode:0 AND answer:DELIVERED"))
                .isEqualTo(1);
        assertThat(notifications(ofIt)).as("two attempts and the try").isEqualTo(3);
    }
}
