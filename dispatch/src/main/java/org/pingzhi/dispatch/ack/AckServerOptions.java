package org.pingzhi.dispatch.ack;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The ack server's command line: {@code [--bind HOST] [--port N] [--elasticsearch URL]
 * [--bootstrap-servers HOSTS] [--acks-topic TOPIC] [--config FILE]}. The secrets come from the
 * config file (properties) or the environment, never from the command line, where {@code ps} and
 * the shell history show them.
 *
 * @param apiKey an Elasticsearch API key, if the cluster needs one
 * @param kafkaClient the Kafka client's settings: {@code bootstrap.servers} and the config file's
 *     {@code pingzhi.kafka.property.<name>} (SASL, TLS), as the command-center job takes them
 */
record AckServerOptions(
        String bind,
        int port,
        URI elasticsearch,
        String secret,
        Optional<String> apiKey,
        Map<String, String> kafkaClient,
        String acksTopic) {

    static final String SECRET_KEY = "pingzhi.dispatch.ack.secret";
    static final String SECRET_ENV = "PINGZHI_ACK_SECRET";
    static final String API_KEY = "pingzhi.elasticsearch.api-key";
    static final String KAFKA_PROPERTY_PREFIX = "pingzhi.kafka.property.";
    static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    static final String DEFAULT_ACKS_TOPIC = "pingzhi-acks";

    static final String USAGE =
            "Usage: ./pingzhi ack-server [--bind HOST] [--port N] [--elasticsearch URL]"
                + " [--bootstrap-servers HOSTS] [--acks-topic TOPIC] [--config FILE]\n"
                + "  --bind HOST          address to listen on (default 127.0.0.1; put a TLS proxy"
                + " in front)\n"
                + "  --port N             port (default 8470)\n"
                + "  --elasticsearch URL  where pingzhi-acks is written (default"
                + " http://127.0.0.1:9200)\n"
                + "  --bootstrap-servers HOSTS  Kafka, where each first acknowledgement is"
                + " published (default "
                    + DEFAULT_BOOTSTRAP_SERVERS
                    + ")\n"
                    + "  --acks-topic TOPIC   the acknowledgements topic, read by the"
                    + " command-center job (default "
                    + DEFAULT_ACKS_TOPIC
                    + ")\n"
                    + "  --config FILE        properties: "
                    + SECRET_KEY
                    + " (the links' signing secret, at least 16 characters;\n"
                    + "                       or the environment variable "
                    + SECRET_ENV
                    + "), "
                    + API_KEY
                    + ", "
                    + KAFKA_PROPERTY_PREFIX
                    + "<name> (Kafka client settings)\n";

    /** A command line that cannot be used; the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static AckServerOptions parse(String[] args, Map<String, String> environment)
            throws UsageException {
        String bind = "127.0.0.1";
        int port = 8470;
        URI elasticsearch = URI.create("http://127.0.0.1:9200");
        String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
        String acksTopic = DEFAULT_ACKS_TOPIC;
        Properties config = new Properties();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException("");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--bind" -> bind = value;
                case "--port" -> port = port(value);
                case "--elasticsearch" -> elasticsearch = URI.create(value);
                case "--bootstrap-servers" -> bootstrapServers = value;
                case "--acks-topic" -> acksTopic = value;
                case "--config" -> load(Path.of(value), config);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        String secret = config.getProperty(SECRET_KEY, environment.get(SECRET_ENV));
        if (secret == null || secret.length() < AckSignature.MIN_SECRET_LENGTH) {
            throw new UsageException(
                    SECRET_KEY
                            + " (in --config FILE) or "
                            + SECRET_ENV
                            + " must be set to the links' signing secret, at least "
                            + AckSignature.MIN_SECRET_LENGTH
                            + " characters");
        }
        Map<String, String> kafkaClient = new TreeMap<>();
        for (String name : config.stringPropertyNames()) {
            if (name.startsWith(KAFKA_PROPERTY_PREFIX)) {
                kafkaClient.put(
                        name.substring(KAFKA_PROPERTY_PREFIX.length()), config.getProperty(name));
            }
        }
        kafkaClient.put("bootstrap.servers", bootstrapServers);
        return new AckServerOptions(
                bind,
                port,
                elasticsearch,
                secret,
                Optional.ofNullable(config.getProperty(API_KEY)),
                Map.copyOf(kafkaClient),
                acksTopic);
    }

    /** {@link #kafkaClient} for a Kafka client. */
    Properties kafkaProperties() {
        Properties properties = new Properties();
        properties.putAll(kafkaClient);
        return properties;
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new UsageException("--port " + value + " is not a port");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port " + value + " is not a number");
        }
    }

    private static void load(Path file, Properties config) throws UsageException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            config.load(reader);
        } catch (IOException e) {
            throw new UsageException("cannot read --config " + file + ": " + e.getMessage());
        }
    }
}
