package org.pingzhi.dispatch.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.normalize.RecordText;
import org.pingzhi.dispatch.roster.InvalidRosterException;
import org.pingzhi.dispatch.roster.RosterFile;

/**
 * {@code pingzhi roster publish FILE}: validates a duty roster as the dispatch job will, then
 * publishes it to the roster control topic, keyed by its version; the running job puts it in force
 * for its next decision. An invalid roster is never published.
 */
public final class RosterCommand {

    static final String USAGE =
            "Usage: pingzhi roster publish FILE [--bootstrap-servers HOST:PORT] [--topic NAME]\n"
                    + "  validates the duty roster (dispatch/README.md) and publishes it to Kafka,"
                    + " keyed by its\n"
                    + "  version; an invalid roster is refused with every problem and not"
                    + " published\n"
                    + "  --bootstrap-servers  Kafka (default "
                    + DispatchOptions.BOOTSTRAP_SERVERS.defaultValue()
                    + ")\n"
                    + "  --topic              the roster control topic (default "
                    + DispatchOptions.ROSTER_TOPIC.defaultValue()
                    + ")";

    /** How long an unreachable or unwilling broker is waited for before giving up. */
    private static final int TIMEOUT_MILLIS = 30_000;

    private RosterCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** A command line that cannot be used; the message says why. */
    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private record Arguments(Path file, String bootstrapServers, String topic) {

        static Arguments parse(String[] args) throws UsageException {
            if (args.length == 0 || !"publish".equals(args[0])) {
                throw new UsageException(
                        args.length == 0
                                ? "no command given"
                                : "unknown command '" + args[0] + "'");
            }
            Path file = null;
            String bootstrapServers = DispatchOptions.BOOTSTRAP_SERVERS.defaultValue();
            String topic = DispatchOptions.ROSTER_TOPIC.defaultValue();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--bootstrap-servers") || arg.equals("--topic")) {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new UsageException(arg + " needs a value");
                    }
                    if (arg.equals("--topic")) {
                        topic = args[++i];
                    } else {
                        bootstrapServers = args[++i];
                    }
                } else if (arg.startsWith("--") || file != null) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                } else {
                    file = Path.of(arg);
                }
            }
            if (file == null) {
                throw new UsageException("no roster FILE given");
            }
            return new Arguments(file, bootstrapServers, topic);
        }
    }

    /** Returns the process exit code: 0 published, 1 not published, 2 bad command line. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (UsageException e) {
            err.println("pingzhi roster: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String json;
        try {
            json = RecordText.decodeUtf8(Files.readAllBytes(arguments.file()));
        } catch (IOException e) {
            err.println("pingzhi roster: cannot read " + arguments.file() + ": " + e);
            return 1;
        }
        if (json == null) {
            err.println("pingzhi roster: " + arguments.file() + " is not UTF-8 text");
            return 1;
        }
        try {
            RosterFile.parse(arguments.file().toString(), json, TownDirectory.standard());
        } catch (InvalidRosterException e) {
            err.println("pingzhi roster: not published: " + e.getMessage());
            return 1;
        }
        String version = RosterVersion.versionOf(json);
        try {
            publish(arguments, version, json);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            err.println(
                    "pingzhi roster: not published to "
                            + arguments.topic()
                            + " at "
                            + arguments.bootstrapServers()
                            + ": "
                            + cause);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("pingzhi roster: interrupted; the roster may or may not be published");
            return 1;
        }
        out.println(
                "pingzhi roster: published version "
                        + version
                        + " of "
                        + arguments.file()
                        + " to "
                        + arguments.topic());
        return 0;
    }

    private static void publish(Arguments arguments, String version, String json)
            throws ExecutionException, InterruptedException {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, arguments.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT_MILLIS);
        // the delivery timeout must cover a request's timeout plus the linger
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS / 2);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(arguments.topic(), version, json)).get();
        }
    }
}
