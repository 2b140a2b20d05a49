package org.pingzhi.dispatch.job;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** The options of the alert-dispatch job ({@code ./pingzhi dispatch --conf KEY=VALUE}). */
public final class DispatchOptions {

    private DispatchOptions() {}

    public static final ConfigOption<String> ROSTER_FILE =
            ConfigOptions.key("pingzhi.dispatch.roster")
                    .stringType()
                    .defaultValue("dispatch/roster/pinghu-sample.json")
                    .withDescription(
                            "The duty roster file the job starts with (dispatch/README.md); a"
                                    + " roster published to the roster topic replaces it.");

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            ConfigOptions.key("pingzhi.kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("127.0.0.1:9092")
                    .withDescription("Kafka bootstrap servers, comma separated.");

    public static final ConfigOption<String> ALERTS_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.alerts")
                    .stringType()
                    .defaultValue("pingzhi-alerts")
                    .withDescription("Topic of the alert documents the command-center job writes.");

    public static final ConfigOption<String> ACKS_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.acks")
                    .stringType()
                    .defaultValue("pingzhi-acks")
                    .withDescription(
                            "Topic of the acknowledgements ({alertId, who, at}) the ack server"
                                    + " writes.");

    public static final ConfigOption<String> ROSTER_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.roster")
                    .stringType()
                    .defaultValue("pingzhi-roster")
                    .withDescription(
                            "The roster control topic: each valid roster published to it (./pingzhi"
                                    + " roster publish) replaces the roster in force.");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOptions.key("pingzhi.kafka.topic.deadletter")
                    .stringType()
                    .defaultValue("pingzhi-deadletter")
                    .withDescription("Topic of the records dispatch cannot read, with the reason.");

    public static final ConfigOption<String> GROUP_ID =
            ConfigOptions.key("pingzhi.dispatch.group-id")
                    .stringType()
                    .defaultValue("pingzhi-dispatch")
                    .withDescription("Consumer group of the dispatch job's Kafka sources.");

    /** The command-center job's option; {@code pingzhi.elasticsearch.url} is its old name here. */
    public static final ConfigOption<List<String>> ELASTICSEARCH_HOSTS =
            ConfigOptions.key("pingzhi.elasticsearch.hosts")
                    .stringType()
                    .asList()
                    .defaultValues("http://127.0.0.1:9200")
                    .withDeprecatedKeys("pingzhi.elasticsearch.url")
                    .withDescription(
                            "Elasticsearch HTTP endpoints, separated by ';', where"
                                    + " pingzhi-notifications is written.");

    public static final ConfigOption<String> ELASTICSEARCH_API_KEY =
            ConfigOptions.key("pingzhi.elasticsearch.api-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "An Elasticsearch API key (encoded), if the cluster needs one.");

    public static final ConfigOption<String> NOTIFICATIONS_INDEX =
            ConfigOptions.key("pingzhi.dispatch.notifications-index")
                    .stringType()
                    .defaultValue("pingzhi-notifications")
                    .withDescription(
                            "Index of the delivery ledger and audit (every delivery, its outcome,"
                                    + " every acknowledgement).");

    public static final ConfigOption<String> ACK_BASE_URL =
            ConfigOptions.key("pingzhi.dispatch.ack.base-url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:8470")
                    .withDescription("The ack server's public address, the base of the ack links.");

    public static final ConfigOption<String> ACK_SECRET =
            ConfigOptions.key("pingzhi.dispatch.ack.secret")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The ack links' signing secret (at least 16 characters), the ack"
                                    + " server's; or the environment variable PINGZHI_ACK_SECRET.");

    public static final ConfigOption<Duration> ACK_LINK_VALIDITY =
            ConfigOptions.key("pingzhi.dispatch.ack.link-validity")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription("How long an acknowledgement link stays good.");

    public static final ConfigOption<String> KIBANA_URL =
            ConfigOptions.key("pingzhi.dispatch.kibana-url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:5601")
                    .withDescription("Kibana's address, the base of the messages' links.");

    public static final ConfigOption<Duration> RESOLVED_RETENTION =
            ConfigOptions.key("pingzhi.dispatch.resolved-retention")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "How long a resolved alert's id is remembered (so that a replayed copy"
                                    + " pages nobody) before its state is cleared.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("pingzhi.dispatch.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("One HTTP attempt's limit, answer included.");

    public static final ConfigOption<Duration> DELIVERY_TIMEOUT =
            ConfigOptions.key("pingzhi.dispatch.delivery-timeout")
                    .durationType()
                    .defaultValue(Duration.ofHours(6))
                    .withDescription(
                            "How long one notification may stay undelivered (held for a digest,"
                                    + " retried) before the job restarts to try it anew.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("pingzhi.dispatch.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("Checkpoint interval of the dispatch job.");
}
