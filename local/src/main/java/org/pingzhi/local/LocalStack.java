package org.pingzhi.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.devstack.ElasticsearchServer;
import org.pingzhi.devstack.KafkaBrokerProcess;
import org.pingzhi.dispatch.job.DispatchJob;
import org.pingzhi.dispatch.job.DispatchOptions;
import org.pingzhi.jobs.CommandCenterJob;
import org.pingzhi.jobs.config.Operations;
import org.pingzhi.jobs.config.OperationsOptions;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchOptions;
import org.pingzhi.simulate.SimulateCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code ./pingzhi local} runs, started in order and stopped in reverse: Elasticsearch,
 * Kafka, the command-center job on an embedded Flink with its web UI, and the simulator.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Configuration configuration;
    private final String elasticsearchUrl;
    private final String kafkaBootstrapServers;
    private final int webUiPort;
    private LocalWebhookSink robot;

    private LocalStack(
            Configuration configuration,
            String elasticsearchUrl,
            String kafkaBootstrapServers,
            int webUiPort) {
        this.configuration = configuration;
        this.elasticsearchUrl = elasticsearchUrl;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.webUiPort = webUiPort;
    }

    /**
     * Starts the stack.
     *
     * @param elasticsearchZip the integ-test zip of the Elasticsearch server
     * @param kafkaClasspath classpath of the Kafka broker
     * @param out where progress is told to the person who started it
     */
    public static LocalStack start(
            LocalArguments arguments, Path elasticsearchZip, String kafkaClasspath, PrintStream out)
            throws Exception {
        Path data = arguments.dataDirectory().toAbsolutePath();
        Files.createDirectories(data);
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            String elasticsearchUrl = arguments.existingElasticsearch();
            if (elasticsearchUrl == null) {
                out.println("Starting Elasticsearch ...");
                ElasticsearchServer elasticsearch =
                        ElasticsearchServer.builder(elasticsearchZip)
                                .runDir(data.resolve("elasticsearch"))
                                .httpPort(arguments.elasticsearchPort())
                                .keepDataOnClose(true)
                                .start();
                started.push(elasticsearch);
                // as root, the server's own user may not reach the data folder: see runDir
                out.println("Elasticsearch data in " + elasticsearch.runDir());
                elasticsearchUrl = elasticsearch.httpUrl();
            }
            String kafka = arguments.existingKafka();
            if (kafka == null) {
                out.println("Starting Kafka (data in " + data.resolve("kafka") + ") ...");
                KafkaBrokerProcess broker =
                        KafkaBrokerProcess.start(
                                data.resolve("kafka"),
                                arguments.kafkaPort(),
                                arguments.kafkaPort() + 1,
                                kafkaClasspath,
                                Duration.ofSeconds(90));
                started.push(broker);
                kafka = broker.bootstrapServers();
            }
            Configuration configuration =
                    jobConfiguration(arguments, data, elasticsearchUrl, kafka);
            LocalStack stack =
                    new LocalStack(configuration, elasticsearchUrl, kafka, arguments.webUiPort());
            stack.running.addAll(started);
            started.clear();
            stack.createTopics();
            CommandCenterJob.installIndexTemplates(configuration);
            stack.startJob(data.resolve("checkpoints"));
            if (arguments.dispatch()) {
                stack.startDispatch(arguments, data, out);
            }
            if (arguments.simulate()) {
                stack.startSimulator(arguments, data.resolve("simulator.log"));
            }
            return stack;
        } catch (Exception | Error e) {
            started.forEach(LocalStack::closeQuietly);
            throw e;
        }
    }

    static Configuration jobConfiguration(
            LocalArguments arguments, Path data, String elasticsearchUrl, String kafka) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(KafkaOptions.BOOTSTRAP_SERVERS.key(), kafka);
        settings.put(ElasticsearchOptions.HOSTS.key(), elasticsearchUrl);
        settings.put(
                OperationsOptions.CHECKPOINT_DIRECTORY.key(),
                data.resolve("checkpoints").toUri().toString());
        settings.put(OperationsOptions.CHECKPOINT_INTERVAL.key(), "10 s");
        settings.putAll(arguments.configuration());
        return Configuration.fromMap(settings);
    }

    public String elasticsearchUrl() {
        return elasticsearchUrl;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String webUiUrl() {
        return "http://localhost:" + webUiPort;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** The local webhook sink the dispatch job pages, when it runs with the local roster. */
    public Optional<LocalWebhookSink> robot() {
        return Optional.ofNullable(robot);
    }

    private void createTopics() throws Exception {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing =
                    List.of(
                                    new NewTopic(
                                            configuration.get(KafkaOptions.HOTLINE_TOPIC),
                                            3,
                                            (short) 1),
                                    new NewTopic(
                                            configuration.get(KafkaOptions.POLICE_TOPIC),
                                            3,
                                            (short) 1),
                                    new NewTopic(
                                            configuration.get(KafkaOptions.DEAD_LETTER_TOPIC),
                                            1,
                                            (short) 1),
                                    new NewTopic(
                                            configuration.get(KafkaOptions.ALERTS_TOPIC),
                                            1,
                                            (short) 1),
                                    new NewTopic(
                                            configuration.get(KafkaOptions.ACKS_TOPIC),
                                            1,
                                            (short) 1),
                                    // every version published stays: a start without a
                                    // checkpoint puts the last one in force again
                                    new NewTopic(
                                                    configuration.get(KafkaOptions.RULES_TOPIC),
                                                    1,
                                                    (short) 1)
                                            .configs(Map.of("retention.ms", "-1")),
                                    // the same for the dispatch job's duty rosters
                                    new NewTopic(
                                                    configuration.get(DispatchOptions.ROSTER_TOPIC),
                                                    1,
                                                    (short) 1)
                                            .configs(Map.of("retention.ms", "-1")))
                            .stream()
                            .filter(topic -> !existing.contains(topic.name()))
                            .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
    }

    public Admin admin() {
        Properties properties = KafkaOptions.clientProperties(configuration);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        return Admin.create(properties);
    }

    /**
     * The embedded Flink's settings: the job's, its web UI and REST API on {@code port}. Every
     * endpoint listens on 127.0.0.1 only: the REST API takes jar uploads, which run code.
     */
    static Configuration flinkConfiguration(Configuration configuration, int webUiPort) {
        return onLoopback(Operations.flinkConfiguration(configuration), webUiPort);
    }

    /** {@code flink} with its REST API on {@code restPort} and every endpoint on 127.0.0.1. */
    private static Configuration onLoopback(Configuration flink, int restPort) {
        flink.set(RestOptions.PORT, restPort);
        flink.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        flink.set(RestOptions.ADDRESS, LOOPBACK);
        // the RPC and blob server (JobManager) and the data exchange (TaskManager)
        flink.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        flink.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        return flink;
    }

    /** Runs the job embedded, resuming from the newest checkpoint of an earlier run if any. */
    private void startJob(Path checkpoints) throws Exception {
        Configuration flink = flinkConfiguration(configuration, webUiPort);
        Optional<Path> resumeFrom = LatestCheckpoint.in(checkpoints);
        resumeFrom.ifPresent(
                checkpoint -> {
                    LOG.info("Resuming from {}", checkpoint);
                    flink.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toString());
                    // an operator removed since that run must not keep the job from starting
                    flink.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
                });
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        env.setParallelism(2);
        CommandCenterJob.wire(env, configuration);
        JobClient job = env.executeAsync(CommandCenterJob.JOB_NAME);
        running.push(() -> job.cancel().get(30, TimeUnit.SECONDS));
    }

    /**
     * Runs the alert-dispatch job on an embedded Flink of its own (no web UI), paging the given
     * roster or, by default, the local one through a webhook sink that prints every page.
     */
    private void startDispatch(LocalArguments arguments, Path data, PrintStream out)
            throws Exception {
        Path roster = arguments.roster();
        if (roster == null) {
            robot = LocalWebhookSink.start(0, out, Clock.systemUTC());
            running.push(robot);
            roster = data.resolve("roster-local.json");
            Files.writeString(roster, LocalRoster.json(TownDirectory.standard(), robot::url));
        }
        Configuration dispatch = dispatchConfiguration(roster, LocalAckSecret.of(data));
        DispatchJob.installIndexTemplate(dispatch);
        // not the command-center job's settings: its checkpoints are that job's to resume from
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(
                        onLoopback(new Configuration(), 0));
        env.setParallelism(1);
        DispatchJob.wire(env, dispatch);
        JobClient job = env.executeAsync(DispatchJob.JOB_NAME);
        running.push(() -> job.cancel().get(30, TimeUnit.SECONDS));
    }

    /** The dispatch job's options: the stack's Kafka topics and Elasticsearch, then the user's. */
    private Configuration dispatchConfiguration(Path roster, String ackSecret) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(DispatchOptions.ROSTER_FILE.key(), roster.toString());
        settings.put(DispatchOptions.BOOTSTRAP_SERVERS.key(), kafkaBootstrapServers);
        settings.put(
                DispatchOptions.ALERTS_TOPIC.key(), configuration.get(KafkaOptions.ALERTS_TOPIC));
        settings.put(DispatchOptions.ACKS_TOPIC.key(), configuration.get(KafkaOptions.ACKS_TOPIC));
        settings.put(
                DispatchOptions.ROSTER_TOPIC.key(),
                configuration.get(DispatchOptions.ROSTER_TOPIC));
        settings.put(
                DispatchOptions.DEAD_LETTER_TOPIC.key(),
                configuration.get(KafkaOptions.DEAD_LETTER_TOPIC));
        settings.put(DispatchOptions.ELASTICSEARCH_HOSTS.key(), elasticsearchUrl);
        settings.put(DispatchOptions.ACK_SECRET.key(), ackSecret);
        configuration.toMap().entrySet().stream()
                .filter(
                        setting ->
                                setting.getKey().startsWith("pingzhi.dispatch.")
                                        || setting.getKey().startsWith("pingzhi.kafka.property."))
                .forEach(setting -> settings.put(setting.getKey(), setting.getValue()));
        return Configuration.fromMap(settings);
    }

    private void startSimulator(LocalArguments arguments, Path log) throws IOException {
        PrintStream simulatorOut = new PrintStream(Files.newOutputStream(log), true);
        String[] args = {
            "--bootstrap-servers", kafkaBootstrapServers,
            "--hotline-topic", configuration.get(KafkaOptions.HOTLINE_TOPIC),
            "--police-topic", configuration.get(KafkaOptions.POLICE_TOPIC),
            "--speed", "1",
            "--incidents-per-day", String.valueOf(arguments.incidentsPerDay()),
            "--seed", String.valueOf(System.currentTimeMillis())
        };
        Thread simulator =
                new Thread(
                        () ->
                                SimulateCommand.run(
                                        args, simulatorOut, simulatorOut, Clock.systemUTC()),
                        "pingzhi-simulator");
        simulator.setDaemon(true);
        simulator.start();
        running.push(simulatorOut);
    }

    /** Stops everything it started, newest first. */
    @Override
    public void close() {
        while (!running.isEmpty()) {
            closeQuietly(running.pop());
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("While stopping: {}", e.toString());
        }
    }
}
