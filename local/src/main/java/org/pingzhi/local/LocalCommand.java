package org.pingzhi.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.pingzhi.jobs.config.UsageException;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchClients;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchConnection;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchOptions;

/**
 * {@code pingzhi local}: the whole command center on this machine, a status line every few seconds,
 * Ctrl-C to stop.
 */
public final class LocalCommand {

    /** System property naming the Elasticsearch integ-test zip (set by the launcher). */
    public static final String ELASTICSEARCH_ZIP_PROPERTY = "pingzhi.elasticsearch.zip";

    /** System property naming the file with the Kafka broker's classpath (set by the launcher). */
    public static final String KAFKA_CLASSPATH_FILE_PROPERTY = "pingzhi.kafka.classpath.file";

    private static final ZoneId PINGHU = ZoneId.of("Asia/Shanghai");
    private static final long STATUS_EVERY_SECONDS = 5;

    private LocalCommand() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        LocalArguments arguments;
        try {
            arguments = LocalArguments.parse(System.getenv(), args);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("pingzhi local: " + e.getMessage());
            }
            err.println(LocalArguments.USAGE);
            return 2;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stopRequested.countDown();
                                    awaitQuietly(stopped);
                                },
                                "pingzhi-local-stop"));
        try (LocalStack stack =
                LocalStack.start(
                        arguments,
                        Path.of(System.getProperty(ELASTICSEARCH_ZIP_PROPERTY, "")),
                        kafkaClasspath(),
                        out)) {
            printUrls(out, stack, arguments);
            reportUntilStopped(stack, stopRequested, out);
            out.println("Stopping ...");
        } catch (Exception e) {
            err.println("pingzhi local failed: " + e.getMessage());
            return 1;
        } finally {
            stopped.countDown();
        }
        out.println("Stopped. Data kept in " + arguments.dataDirectory().toAbsolutePath());
        return 0;
    }

    /** The Kafka broker's classpath the launcher resolved (else this JVM's). */
    public static String kafkaClasspath() throws java.io.IOException {
        String file = System.getProperty(KAFKA_CLASSPATH_FILE_PROPERTY);
        return file == null
                ? System.getProperty("java.class.path")
                : Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
    }

    private static void printUrls(PrintStream out, LocalStack stack, LocalArguments arguments) {
        out.println();
        out.println("Pingzhi is running.");
        out.println("  Flink web UI    " + stack.webUiUrl());
        out.println("  Elasticsearch   " + stack.elasticsearchUrl());
        out.println("  Kafka           " + stack.kafkaBootstrapServers());
        out.println(
                "  Kibana          http://localhost:5601 (a Kibana 9.5 on this Elasticsearch),"
                        + " screens: ./pingzhi dashboards --kibana http://localhost:5601"
                        + " --elasticsearch "
                        + stack.elasticsearchUrl());
        out.println(
                arguments.simulate()
                        ? "  Simulator       real time, "
                                + arguments.incidentsPerDay()
                                + " incidents/day (log: "
                                + arguments.dataDirectory().resolve("simulator.log")
                                + ")"
                        : "  Simulator       off");
        out.println("Ctrl-C stops everything; data stays in " + arguments.dataDirectory());
        out.println();
    }

    private static void reportUntilStopped(
            LocalStack stack, CountDownLatch stopRequested, PrintStream out) throws Exception {
        try (Admin admin = stack.admin();
                ElasticsearchClient elasticsearch =
                        ElasticsearchClients.client(
                                ElasticsearchConnection.fromConfiguration(stack.configuration()))) {
            LocalStatusProbe probe =
                    new LocalStatusProbe(
                            admin,
                            elasticsearch,
                            List.of(
                                    stack.configuration().get(KafkaOptions.HOTLINE_TOPIC),
                                    stack.configuration().get(KafkaOptions.POLICE_TOPIC)),
                            stack.configuration().get(ElasticsearchOptions.INDEX_PREFIX));
            StatusLine previous = null;
            long previousAt = System.nanoTime();
            do {
                StatusLine now = probe.read(LocalDate.now(PINGHU));
                long at = System.nanoTime();
                out.println(now.render(LocalTime.now(PINGHU), previous, (at - previousAt) / 1e9));
                previous = now;
                previousAt = at;
            } while (!stopRequested.await(STATUS_EVERY_SECONDS, TimeUnit.SECONDS));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
