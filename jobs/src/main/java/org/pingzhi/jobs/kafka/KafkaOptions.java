package org.pingzhi.jobs.kafka;

import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.pingzhi.common.config.DeploymentMode;
import org.pingzhi.common.privacy.PrivacyOptions;

/** Where the command-center job reads and writes Kafka. */
public final class KafkaOptions {

    /** Starting point of a job without a checkpoint to resume from. */
    public enum StartingOffsets {
        /** The group's committed offsets, else the earliest (the default: nothing is skipped). */
        COMMITTED,
        EARLIEST,
        LATEST
    }

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            ConfigOptions.key("pingzhi.kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("127.0.0.1:9092")
                    .withDescription("Kafka bootstrap servers, comma separated.");

    public static final ConfigOption<String> HOTLINE_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.hotline")
                    .stringType()
                    .defaultValue("hotline-12345")
                    .withDescription("Topic of the 12345 work-order events.");

    public static final ConfigOption<String> POLICE_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.police")
                    .stringType()
                    .defaultValue("police-110")
                    .withDescription("Topic of the 110 alarm events.");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.deadletter")
                    .stringType()
                    .defaultValue("pingzhi-deadletter")
                    .withDescription(
                            "Topic for records that fail their contract, with the reason.");

    public static final ConfigOption<String> ALERTS_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.alerts")
                    .stringType()
                    .defaultValue("pingzhi-alerts")
                    .withDescription(
                            "Topic of the alerts for the duty officers, keyed by alertId.");

    public static final ConfigOption<String> RULES_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.rules")
                    .stringType()
                    .defaultValue("pingzhi-rules")
                    .withDescription(
                            "Control topic of the windowed rules: each valid rules file published"
                                    + " there replaces the rules in force.");

    public static final ConfigOption<String> ACKS_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.acks")
                    .stringType()
                    .defaultValue("pingzhi-acks")
                    .withDescription(
                            "Topic of the duty officers' acknowledgements (written by ./pingzhi"
                                    + " ack-server, keyed by alertId), shown on the alerts as"
                                    + " ACKED.");

    public static final ConfigOption<String> GROUP_ID =
            ConfigOptions.key("pingzhi.kafka.group-id")
                    .stringType()
                    .defaultValue("pingzhi-command-center")
                    .withDescription("Consumer group of the job's Kafka sources.");

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            ConfigOptions.key("pingzhi.kafka.starting-offsets")
                    .enumType(StartingOffsets.class)
                    .defaultValue(StartingOffsets.COMMITTED)
                    .withDescription(
                            "Where a job without a checkpoint starts reading: COMMITTED (the"
                                    + " group's offsets, else the earliest), EARLIEST or LATEST.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            ConfigOptions.key("pingzhi.kafka.transactional-id-prefix")
                    .stringType()
                    .defaultValue("pingzhi-command-center")
                    .withDescription(
                            "Prefix of the Kafka transactional ids of the exactly-once sinks;"
                                    + " unique per job on a cluster.");

    /** Prefix of options passed as they are to every Kafka client (e.g. SASL and SSL settings). */
    public static final String CLIENT_PROPERTY_PREFIX = "pingzhi.kafka.property.";

    private KafkaOptions() {}

    private static final String SECURITY_PROTOCOL = "security.protocol";

    /**
     * The Kafka client properties given as {@code pingzhi.kafka.property.<name>}, e.g. {@code
     * pingzhi.kafka.property.security.protocol=SASL_SSL}.
     *
     * @throws IllegalArgumentException in {@link DeploymentMode#PRODUCTION} for a SASL PLAIN
     *     password over an unencrypted connection (SASL_PLAINTEXT), which anyone on the way reads
     */
    public static Properties clientProperties(Configuration configuration) {
        Properties properties = givenClientProperties(configuration);
        if (configuration.get(PrivacyOptions.MODE) == DeploymentMode.PRODUCTION
                && "SASL_PLAINTEXT".equals(properties.getProperty(SECURITY_PROTOCOL))
                && "PLAIN".equals(properties.getProperty("sasl.mechanism"))) {
            throw new IllegalArgumentException(
                    CLIENT_PROPERTY_PREFIX
                            + SECURITY_PROTOCOL
                            + "=SASL_PLAINTEXT with sasl.mechanism PLAIN sends the Kafka password"
                            + " in clear: use SASL_SSL in PRODUCTION");
        }
        return properties;
    }

    /**
     * Whether the client settings authenticate this job to the brokers: SASL, or TLS with a client
     * certificate.
     */
    public static boolean authenticated(Configuration configuration) {
        Properties properties = givenClientProperties(configuration);
        String protocol = properties.getProperty(SECURITY_PROTOCOL, "PLAINTEXT");
        return protocol.startsWith("SASL_")
                || ("SSL".equals(protocol)
                        && (properties.containsKey("ssl.keystore.location")
                                || properties.containsKey("ssl.keystore.key")));
    }

    private static Properties givenClientProperties(Configuration configuration) {
        Properties properties = new Properties();
        configuration.toMap().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(CLIENT_PROPERTY_PREFIX))
                .forEach(
                        entry ->
                                properties.setProperty(
                                        entry.getKey().substring(CLIENT_PROPERTY_PREFIX.length()),
                                        entry.getValue()));
        return properties;
    }
}
