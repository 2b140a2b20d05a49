package org.pingzhi.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller, one node) in its own JVM, with
 * its data in a folder that the next run reuses.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Process process;
    private final String bootstrapServers;
    private final Path logFile;

    private KafkaBrokerProcess(Process process, String bootstrapServers, Path logFile) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.logFile = logFile;
    }

    /**
     * Starts the broker and waits until it answers.
     *
     * @param home the broker's folder: configuration, log and data (kept between runs)
     * @param port the client port on 127.0.0.1
     * @param controllerPort the KRaft controller port on 127.0.0.1
     * @param classpath the classpath of {@code org.apache.kafka:kafka_2.13} and a log4j binding
     * @param startTimeout how long to wait for the broker to answer
     */
    public static KafkaBrokerProcess start(
            Path home, int port, int controllerPort, String classpath, Duration startTimeout)
            throws IOException, InterruptedException {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Path serverProperties = home.resolve("server.properties");
        Path log4j = home.resolve("log4j2.properties");
        writeProperties(serverProperties, brokerSettings(port, controllerPort, data));
        Files.writeString(log4j, LOG4J_CONFIGURATION, StandardCharsets.UTF_8);
        Path logFile = home.resolve("kafka.log");
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(classpath, log4j, serverProperties, logFile);
        }
        Process process =
                new ProcessBuilder(
                                javaCommand(
                                        classpath,
                                        log4j,
                                        "kafka.Kafka",
                                        serverProperties.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, "127.0.0.1:" + port, logFile);
        // A child process outlives its parent: stop the broker with this JVM whatever happens.
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        try {
            broker.awaitReady(startTimeout);
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("Kafka broker ready at {} (data in {})", broker.bootstrapServers, data);
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logFile() {
        return logFile;
    }

    static Map<String, String> brokerSettings(int port, int controllerPort, Path data) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://127.0.0.1:"
                                + port
                                + ",CONTROLLER://127.0.0.1:"
                                + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry(
                        "listener.security.protocol.map",
                        "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                Map.entry("log.dirs", data.toAbsolutePath().toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"));
    }

    private static void format(String classpath, Path log4j, Path serverProperties, Path logFile)
            throws IOException, InterruptedException {
        String clusterId =
                runTool(classpath, log4j, logFile, "kafka.tools.StorageTool", "random-uuid").trim();
        runTool(
                classpath,
                log4j,
                logFile,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                serverProperties.toString(),
                "--standalone");
    }

    private static String runTool(String classpath, Path log4j, Path logFile, String... command)
            throws IOException, InterruptedException {
        Process tool =
                new ProcessBuilder(javaCommand(classpath, log4j, command))
                        .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
            tool.destroyForcibly();
            throw new IOException(
                    String.join(" ", command) + " failed: " + output + " (see " + logFile + ")");
        }
        return output;
    }

    private static List<String> javaCommand(String classpath, Path log4j, String... mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms256m");
        command.add("-Xmx512m");
        command.add("-Dlog4j2.configurationFile=" + log4j.toAbsolutePath());
        command.add("-cp");
        command.add(classpath);
        command.addAll(List.of(mainAndArgs));
        return command;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        try (Admin client = Admin.create(admin)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException(
                            "the Kafka broker exited with code "
                                    + process.exitValue()
                                    + "; see "
                                    + logFile);
                }
                try {
                    client.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (java.util.concurrent.ExecutionException
                        | java.util.concurrent.TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException(
                                "the Kafka broker did not answer within "
                                        + timeout.toSeconds()
                                        + " s; see "
                                        + logFile);
                    }
                }
            }
        }
    }

    private static void writeProperties(Path file, Map<String, String> settings)
            throws IOException {
        StringBuilder text = new StringBuilder("# Written by ./pingzhi local on every start.\n");
        settings.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        e -> text.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Stops the broker: SIGTERM (a clean shutdown), then force after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static final String LOG4J_CONFIGURATION =
            String.join(
                    "\n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.console.ref = console",
                    "logger.kafka.name = kafka",
                    "logger.kafka.level = WARN",
                    "logger.apache.name = org.apache.kafka",
                    "logger.apache.level = WARN",
                    "logger.started.name = kafka.server.KafkaRaftServer",
                    "logger.started.level = INFO",
                    "appender.console.type = Console",
                    "appender.console.name = console",
                    "appender.console.layout.type = PatternLayout",
                    "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                    "");
}
