package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

class ElasticsearchConnectionTest {

    @Test
    void defaults_are_a_local_server_without_credentials() {
        ElasticsearchConnection connection =
                ElasticsearchConnection.fromConfiguration(new Configuration());

        assertThat(connection.hosts()).containsExactly(URI.create("http://127.0.0.1:9200"));
        assertThat(connection.apiKey()).isNull();
        assertThat(connection.username()).isNull();
        assertThat(connection.caCertPath()).isNull();
        assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(connection.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void production_refuses_credentials_over_plain_http() {
        Map<String, String> basic =
                Map.of(
                        "pingzhi.mode", "PRODUCTION",
                        "pingzhi.elasticsearch.hosts", "https://es1:9200;http://es2:9200",
                        "pingzhi.elasticsearch.username", "pingzhi",
                        "pingzhi.elasticsearch.password", "s3cret");
        Map<String, String> apiKey =
                Map.of(
                        "pingzhi.mode", "PRODUCTION",
                        "pingzhi.elasticsearch.hosts", "http://es1:9200",
                        "pingzhi.elasticsearch.api-key", "a2V5OnNlY3JldA==");

        for (Map<String, String> settings : List.of(basic, apiKey)) {
            assertThatThrownBy(
                            () ->
                                    ElasticsearchConnection.fromConfiguration(
                                            Configuration.fromMap(settings)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pingzhi.elasticsearch.hosts")
                    .hasMessageContaining("http://es")
                    .hasMessageContaining("https")
                    .hasMessageNotContaining("s3cret")
                    .hasMessageNotContaining("a2V5OnNlY3JldA==");
        }
    }

    @Test
    void development_and_https_accept_credentials() {
        Map<String, String> overHttps =
                Map.of(
                        "pingzhi.mode", "PRODUCTION",
                        "pingzhi.elasticsearch.hosts", "https://es1:9200",
                        "pingzhi.elasticsearch.api-key", "a2V5OnNlY3JldA==");
        Map<String, String> devOverHttp =
                Map.of(
                        "pingzhi.elasticsearch.hosts", "http://127.0.0.1:9200",
                        "pingzhi.elasticsearch.username", "elastic",
                        "pingzhi.elasticsearch.password", "changeme");

        assertThat(
                        ElasticsearchConnection.fromConfiguration(Configuration.fromMap(overHttps))
                                .apiKey())
                .isEqualTo("a2V5OnNlY3JldA==");
        assertThat(
                        ElasticsearchConnection.fromConfiguration(
                                        Configuration.fromMap(devOverHttp))
                                .username())
                .isEqualTo("elastic");
    }

    @Test
    void options_are_read_from_a_flat_configuration() {
        Configuration config =
                Configuration.fromMap(
                        Map.of(
                                "pingzhi.elasticsearch.hosts", "https://es1:9200;https://es2:9200",
                                "pingzhi.elasticsearch.username", "pingzhi",
                                "pingzhi.elasticsearch.password", "s3cret",
                                "pingzhi.elasticsearch.ca-cert", "/etc/pingzhi/ca.pem",
                                "pingzhi.elasticsearch.connect-timeout", "2 s",
                                "pingzhi.elasticsearch.request-timeout", "1 min"));

        ElasticsearchConnection connection = ElasticsearchConnection.fromConfiguration(config);

        assertThat(connection.hosts())
                .containsExactly(URI.create("https://es1:9200"), URI.create("https://es2:9200"));
        assertThat(connection.username()).isEqualTo("pingzhi");
        assertThat(connection.password()).isEqualTo("s3cret");
        assertThat(connection.caCertPath()).isEqualTo("/etc/pingzhi/ca.pem");
        assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(connection.requestTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(connection.toString()).contains("basic(pingzhi)").doesNotContain("s3cret");
    }

    @Test
    void an_api_key_is_kept_out_of_the_string_form() {
        Configuration config = new Configuration();
        config.set(
                ElasticsearchOptions.API_KEY,
                "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");

        ElasticsearchConnection connection = ElasticsearchConnection.fromConfiguration(config);

        assertThat(connection.apiKey()).startsWith("VnVh");
        assertThat(connection.toString()).contains("api-key").doesNotContain("VnVh");
    }

    @Test
    void contradictory_or_incomplete_credentials_are_refused() {
        Configuration both = new Configuration();
        both.set(ElasticsearchOptions.API_KEY, "key");
        both.set(ElasticsearchOptions.USERNAME, "user");
        both.set(ElasticsearchOptions.PASSWORD, "secret");
        Configuration noPassword = new Configuration();
        noPassword.set(ElasticsearchOptions.USERNAME, "user");

        assertThatThrownBy(() -> ElasticsearchConnection.fromConfiguration(both))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> ElasticsearchConnection.fromConfiguration(noPassword))
                .hasMessageContaining("username and password go together");
    }

    @Test
    void hosts_must_be_http_urls() {
        assertThatThrownBy(() -> ElasticsearchConnection.to("es1:9200"))
                .hasMessageContaining("http(s)://host");
        assertThatThrownBy(() -> ElasticsearchConnection.to("ftp://es1"))
                .hasMessageContaining("http(s)://host");
        assertThatThrownBy(
                        () ->
                                ElasticsearchConnection.fromConfiguration(
                                        Configuration.fromMap(
                                                Map.of("pingzhi.elasticsearch.hosts", ""))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sink_options_have_the_documented_defaults() {
        Configuration config = new Configuration();

        assertThat(config.get(ElasticsearchOptions.INDEX_PREFIX)).isEqualTo("pingzhi-");
        assertThat(config.get(ElasticsearchOptions.BULK_MAX_ACTIONS)).isEqualTo(500);
        assertThat(config.get(ElasticsearchOptions.BULK_MAX_BYTES))
                .isEqualTo(MemorySize.parse("5mb"));
        assertThat(config.get(ElasticsearchOptions.BULK_FLUSH_INTERVAL))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(ElasticsearchOptions.BULK_MAX_IN_FLIGHT)).isEqualTo(2);
        assertThat(config.get(ElasticsearchOptions.BULK_MAX_BUFFERED)).isEqualTo(10_000);
        assertThat(
                        List.of(
                                config.get(ElasticsearchOptions.RETRY_INITIAL_BACKOFF),
                                config.get(ElasticsearchOptions.RETRY_MAX_BACKOFF)))
                .containsExactly(Duration.ofMillis(100), Duration.ofSeconds(10));
    }
}
