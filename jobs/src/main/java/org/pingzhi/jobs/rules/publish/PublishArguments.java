package org.pingzhi.jobs.rules.publish;

import java.nio.file.Path;
import org.pingzhi.jobs.config.UsageException;
import org.pingzhi.jobs.kafka.KafkaOptions;

/** The command line of {@code pingzhi rules publish}. */
record PublishArguments(Path file, String bootstrapServers, String topic) {

    static final String DEFAULT_TOPIC = KafkaOptions.RULES_TOPIC.defaultValue();

    static final String USAGE =
            "Usage: pingzhi rules publish FILE [--bootstrap-servers HOST:PORT] [--topic NAME]\n"
                + "  validates the rules file (contracts/rules.md) and publishes it to Kafka, keyed"
                + " by\n"
                + "  its version; an invalid file is rejected as a whole and not published\n"
                + "  --bootstrap-servers  Kafka (default "
                    + KafkaOptions.BOOTSTRAP_SERVERS.defaultValue()
                    + ")\n"
                    + "  --topic              the rules control topic (default "
                    + DEFAULT_TOPIC
                    + ")";

    static PublishArguments parse(String[] args) throws UsageException {
        if (args.length == 0 || !"publish".equals(args[0])) {
            throw new UsageException(
                    args.length == 0 ? "no command given" : "unknown command '" + args[0] + "'");
        }
        Path file = null;
        String bootstrapServers = KafkaOptions.BOOTSTRAP_SERVERS.defaultValue();
        String topic = DEFAULT_TOPIC;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--bootstrap-servers") || arg.equals("--topic")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new UsageException(arg + " needs a value");
                }
                String value = args[++i];
                if (arg.equals("--topic")) {
                    topic = value;
                } else {
                    bootstrapServers = value;
                }
            } else if (arg.startsWith("--") || file != null) {
                throw new UsageException("unexpected argument '" + arg + "'");
            } else {
                file = Path.of(arg);
            }
        }
        if (file == null) {
            throw new UsageException("no rules FILE given");
        }
        return new PublishArguments(file, bootstrapServers, topic);
    }
}
