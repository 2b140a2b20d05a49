package org.pingzhi.jobs.sink.elasticsearch;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** Configuration of the Elasticsearch connection and sink. */
public final class ElasticsearchOptions {

    private static final String PREFIX = "pingzhi.elasticsearch.";

    public static final ConfigOption<List<String>> HOSTS =
            ConfigOptions.key(PREFIX + "hosts")
                    .stringType()
                    .asList()
                    .defaultValues("http://127.0.0.1:9200")
                    .withDescription(
                            "Elasticsearch HTTP endpoints, http:// or https://, separated by ';'.");

    public static final ConfigOption<String> API_KEY =
            ConfigOptions.key(PREFIX + "api-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "API key (the encoded form Elasticsearch returns), sent as"
                                    + " 'Authorization: ApiKey ...'. Not together with username.");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key(PREFIX + "username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("User for HTTP basic authentication (with password).");

    public static final ConfigOption<String> PASSWORD =
            ConfigOptions.key(PREFIX + "password")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Password for HTTP basic authentication.");

    public static final ConfigOption<String> CA_CERT =
            ConfigOptions.key(PREFIX + "ca-cert")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "PEM file of the CA certificate(s) to trust for https hosts. Unset:"
                                    + " the JVM's default trust store (system CAs).");

    public static final ConfigOption<Duration> CONNECT_TIMEOUT =
            ConfigOptions.key(PREFIX + "connect-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Timeout of establishing a connection.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key(PREFIX + "request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Timeout of waiting for a response; a bulk request that times out is"
                                    + " retried.");

    public static final ConfigOption<String> INDEX_PREFIX =
            ConfigOptions.key(PREFIX + "index-prefix")
                    .stringType()
                    .defaultValue("pingzhi-")
                    .withDescription(
                            "Prefix of the index names (and index template names):"
                                    + " <prefix>incidents, <prefix>metrics-YYYY.MM.DD, ...");

    public static final ConfigOption<Integer> BULK_MAX_ACTIONS =
            ConfigOptions.key(PREFIX + "bulk.max-actions")
                    .intType()
                    .defaultValue(500)
                    .withDescription("Most documents in one bulk request.");

    public static final ConfigOption<MemorySize> BULK_MAX_BYTES =
            ConfigOptions.key(PREFIX + "bulk.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("5mb"))
                    .withDescription(
                            "Most bytes of documents in one bulk request; also the largest"
                                    + " document the sink accepts. A request answered 413 is"
                                    + " split, and later requests are kept below its half.");

    public static final ConfigOption<Duration> BULK_FLUSH_INTERVAL =
            ConfigOptions.key(PREFIX + "bulk.flush-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Longest time a document waits in the buffer before it is sent.");

    public static final ConfigOption<Integer> BULK_MAX_IN_FLIGHT =
            ConfigOptions.key(PREFIX + "bulk.max-in-flight")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Most bulk requests in flight per sink subtask. Writes to one document"
                                    + " stay in order whatever the value.");

    public static final ConfigOption<Integer> BULK_MAX_BUFFERED =
            ConfigOptions.key(PREFIX + "bulk.max-buffered")
                    .intType()
                    .defaultValue(10_000)
                    .withDescription(
                            "Most documents buffered per sink subtask before it back-pressures"
                                    + " its input; must exceed bulk.max-actions.");

    public static final ConfigOption<Duration> RETRY_INITIAL_BACKOFF =
            ConfigOptions.key(PREFIX + "retry.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(100))
                    .withDescription(
                            "Wait before the first retry of a write Elasticsearch cannot take for"
                                    + " now (429, 5xx, blocks, missing privileges or index, no"
                                    + " answer); it doubles with each retry. There is no last"
                                    + " retry: such writes are held until they are written.");

    public static final ConfigOption<Duration> RETRY_MAX_BACKOFF =
            ConfigOptions.key(PREFIX + "retry.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("Longest wait between two retries of a held write.");

    private ElasticsearchOptions() {}
}
