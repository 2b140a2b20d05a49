package org.pingzhi.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.dispatch.job.DispatchOptions;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchOptions;
import org.pingzhi.jobs.sla.SlaOptions;
import org.pingzhi.local.LocalArguments;
import org.pingzhi.local.LocalStack;
import org.pingzhi.local.LocalWebhookSink;

/**
 * One run of {@code pingzhi bench alert-latency}: the local stack, live, with a short response
 * target; orders reported in real time and left unanswered; when each one's TOWN escalation was
 * appended to the alerts topic (the broker's LogAppendTime, read uncommitted as the dispatch job
 * reads it), against its deadline.
 */
final class AlertLatencyRun {

    /**
     * What was measured: the latencies of the emissions and of the robot's requests, the deadlines
     * without an alert on the topic, and those without a page.
     */
    record Result(
            LatencySummary emission,
            LatencySummary request,
            LatencySummary emissionToRequest,
            DispatchStages.Result stages,
            int missing,
            int unpaged) {}

    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(60);

    /**
     * The command-center job's bulk requests in flight per sink subtask, as a cluster sized for it
     * has them: its write threads are not all taken by that one writer. The bench's node has two
     * (its two cores), and the default, two per subtask for its two subtasks, would let the sink
     * alone hold four multi-index bulk requests (a dozen shard writes, each with its translog sync)
     * ahead of every claim of the dispatch job.
     */
    static final int SINK_IN_FLIGHT = 1;

    private AlertLatencyRun() {}

    static Result run(
            AlertLatencyArguments arguments,
            Path elasticsearchZip,
            String kafkaClasspath,
            PrintStream err)
            throws Exception {
        Path work = arguments.work().toAbsolutePath();
        Files.createDirectories(work);
        Path policy = work.resolve("latency-policy.json");
        Files.writeString(
                policy,
                "{\"description\": \"pingzhi bench alert-latency\", \"defaultTargetSeconds\": "
                        + arguments.target().toSeconds()
                        + ", \"rules\": []}",
                StandardCharsets.UTF_8);
        int kafkaPort = freePortPair();
        LocalArguments stackArguments =
                new LocalArguments(
                        work.resolve("stack-" + System.currentTimeMillis()),
                        null,
                        null,
                        kafkaPort,
                        freePort(),
                        freePort(),
                        false,
                        0,
                        true,
                        null,
                        Map.of(
                                SlaOptions.POLICY_FILE.key(),
                                policy.toString(),
                                ElasticsearchOptions.BULK_MAX_IN_FLIGHT.key(),
                                Integer.toString(SINK_IN_FLIGHT)));
        try (LocalStack stack =
                LocalStack.start(stackArguments, elasticsearchZip, kafkaClasspath, err)) {
            String alerts = stack.configuration().get(KafkaOptions.ALERTS_TOPIC);
            stampAppendTime(stack, alerts);
            createWaveIndices(stack);
            List<LatencyIncident> incidents =
                    LatencyIncident.plan(
                            arguments.deadlines(),
                            Instant.now().plus(WARM_UP),
                            arguments.spread(),
                            arguments.target(),
                            TownDirectory.standard().all().stream().map(Town::name).toList());
            Map<String, LatencyIncident> byIncident =
                    incidents.stream()
                            .collect(
                                    Collectors.toMap(
                                            LatencyIncident::incidentId, Function.identity()));
            Map<String, Long> emittedAt = new ConcurrentHashMap<>();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader =
                    new Thread(
                            () -> readEscalations(stack, alerts, byIncident, emittedAt, reading),
                            "bench-alert-reader");
            reader.start();
            try {
                err.println(
                        "bench: reporting "
                                + incidents.size()
                                + " orders over "
                                + arguments.spread().toSeconds()
                                + " s, each escalating "
                                + arguments.target().toSeconds()
                                + " s later ...");
                report(stack, incidents);
                Instant giveUp = incidents.get(incidents.size() - 1).deadline().plus(GRACE);
                LocalWebhookSink robot = stack.robot().orElseThrow();
                while ((emittedAt.size() < incidents.size()
                                || pagedAt(robot, byIncident).size() < incidents.size())
                        && Instant.now().isBefore(giveUp)) {
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            } finally {
                reading.set(false);
                reader.join(TimeUnit.SECONDS.toMillis(30));
            }
            Map<String, Long> requestedAt = pagedAt(stack.robot().orElseThrow(), byIncident);
            Map<String, DispatchStages.Marks> marks =
                    DispatchStages.read(
                            stack.elasticsearchUrl(),
                            stack.configuration().get(DispatchOptions.NOTIFICATIONS_INDEX));
            return new Result(
                    afterDeadlines(emittedAt, byIncident, "reached the alerts topic"),
                    afterDeadlines(requestedAt, byIncident, "was paged"),
                    afterEmissions(requestedAt, emittedAt),
                    DispatchStages.of(emittedAt, marks, requestedAt),
                    incidents.size() - emittedAt.size(),
                    incidents.size() - requestedAt.size());
        }
    }

    private static LatencySummary afterDeadlines(
            Map<String, Long> at, Map<String, LatencyIncident> byIncident, String what) {
        List<Long> latencies =
                at.entrySet().stream()
                        .map(
                                e ->
                                        e.getValue()
                                                - byIncident
                                                        .get(e.getKey())
                                                        .deadline()
                                                        .toEpochMilli())
                        .toList();
        if (latencies.isEmpty()) {
            throw new IllegalStateException(
                    "no escalation "
                            + what
                            + " within "
                            + GRACE.toSeconds()
                            + " s of the last deadline");
        }
        return LatencySummary.of(latencies);
    }

    /** From each escalation's emission to its page: the dispatch job's part, the target. */
    private static LatencySummary afterEmissions(
            Map<String, Long> requestedAt, Map<String, Long> emittedAt) {
        return LatencySummary.of(
                requestedAt.entrySet().stream()
                        .filter(e -> emittedAt.containsKey(e.getKey()))
                        .map(e -> e.getValue() - emittedAt.get(e.getKey()))
                        .toList());
    }

    /**
     * When the robot first got each incident's TOWN escalation, by incident: the local roster's
     * webhook body names the alert.
     */
    private static Map<String, Long> pagedAt(
            LocalWebhookSink robot, Map<String, LatencyIncident> byIncident)
            throws JsonProcessingException {
        Map<String, Long> paged = new HashMap<>();
        for (LocalWebhookSink.Request request : robot.requests()) {
            String alertId = Json.mapper().readTree(request.body()).path("alertId").asText("");
            String incidentId = townEscalationIncident(alertId);
            if (incidentId != null && byIncident.containsKey(incidentId)) {
                paged.putIfAbsent(incidentId, request.receivedAt().toEpochMilli());
            }
        }
        return paged;
    }

    /** The incident of an alert id {@code sla:<incidentId>:TOWN}, else null. */
    static String townEscalationIncident(String alertId) {
        String prefix = "sla:";
        String suffix = ":TOWN";
        return alertId.startsWith(prefix) && alertId.endsWith(suffix)
                ? alertId.substring(prefix.length(), alertId.length() - suffix.length())
                : null;
    }

    /** Each order's CREATE at its own instant: the live job sees records in real time. */
    private static void report(LocalStack stack, List<LatencyIncident> incidents)
            throws InterruptedException {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        String topic = stack.configuration().get(KafkaOptions.HOTLINE_TOPIC);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (LatencyIncident incident : incidents) {
                long wait = incident.reportedAt().toEpochMilli() - System.currentTimeMillis();
                if (wait > 0) {
                    TimeUnit.MILLISECONDS.sleep(wait);
                }
                producer.send(
                        new ProducerRecord<>(topic, incident.orderId(), incident.createRecord()));
            }
        }
    }

    private static void readEscalations(
            LocalStack stack,
            String topic,
            Map<String, LatencyIncident> byIncident,
            Map<String, Long> emittedAt,
            AtomicBoolean reading) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-alert-latency");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (reading.get()) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    AlertDocument alert = AlertDocument.parse(record.value());
                    if (AlertDocument.SLA_ESCALATION_KIND.equals(alert.kind())
                            && "TOWN".equals(alert.level())
                            && !alert.incidentIds().isEmpty()
                            && byIncident.containsKey(alert.incidentIds().get(0))) {
                        emittedAt.putIfAbsent(alert.incidentIds().get(0), record.timestamp());
                    }
                }
            }
        }
    }

    /**
     * The command-center job's indices that the first escalations write, made before the wave as a
     * production cluster has had them since its first day: on the fresh stack Elasticsearch would
     * create them on those first writes, in the middle of the wave, and their creation (cluster
     * state, shard allocation: seconds on a loaded 2-core machine) holds up every write to the node
     * meanwhile, the dispatch job's claims too, once in a deployment's life. The dispatch job makes
     * its own ledger index when it starts.
     */
    private static void createWaveIndices(LocalStack stack) throws Exception {
        String prefix = stack.configuration().get(ElasticsearchOptions.INDEX_PREFIX);
        HttpClient client = HttpClient.newHttpClient();
        for (DocumentKind kind :
                List.of(DocumentKind.INCIDENT, DocumentKind.SLA_EVENT, DocumentKind.ALERT)) {
            HttpResponse<String> created =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    stack.elasticsearchUrl()
                                                            + "/"
                                                            + prefix
                                                            + kind.baseName()))
                                    .timeout(Duration.ofSeconds(60))
                                    .PUT(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 200
                    && !created.body().contains("resource_already_exists_exception")) {
                throw new IOException(
                        "creating "
                                + prefix
                                + kind.baseName()
                                + " answered "
                                + created.statusCode()
                                + ": "
                                + created.body());
            }
        }
    }

    /** The alerts topic stamps each record when the broker appends it: the emission instant. */
    private static void stampAppendTime(LocalStack stack, String topic) throws Exception {
        try (Admin admin = stack.admin()) {
            admin.incrementalAlterConfigs(
                            Map.of(
                                    new ConfigResource(ConfigResource.Type.TOPIC, topic),
                                    List.of(
                                            new AlterConfigOp(
                                                    new ConfigEntry(
                                                            TopicConfig
                                                                    .MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                                            "LogAppendTime"),
                                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A port whose successor is free too (the broker's controller listens there). */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try {
                new ServerSocket(port + 1).close();
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two adjacent free ports");
    }
}
