package org.pingzhi.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The dispatch job takes Elasticsearch under the command-center job's option name. */
class DispatchSettingsTest {

    private static List<String> hosts(Map<String, String> options) {
        Map<String, String> all = new java.util.HashMap<>(options);
        all.put(DispatchOptions.ACK_SECRET.key(), "test-secret-0123456789");
        return DispatchSettings.of(Configuration.fromMap(all)).elasticsearchHosts();
    }

    @Test
    void elasticsearchIsTheCommandCenterJobsHostsOption() {
        assertThat(DispatchOptions.ELASTICSEARCH_HOSTS.key())
                .isEqualTo("pingzhi.elasticsearch.hosts");
        assertThat(hosts(Map.of())).containsExactly("http://127.0.0.1:9200");
        assertThat(
                        hosts(
                                Map.of(
                                        "pingzhi.elasticsearch.hosts",
                                        "https://es-1:9200;https://es-2:9200")))
                .containsExactly("https://es-1:9200", "https://es-2:9200");
    }

    @Test
    void theOldUrlOptionStillWorksButTheHostsOptionWins() {
        assertThat(hosts(Map.of("pingzhi.elasticsearch.url", "http://old:9200")))
                .containsExactly("http://old:9200");
        assertThat(
                        hosts(
                                Map.of(
                                        "pingzhi.elasticsearch.url",
                                        "http://old:9200",
                                        "pingzhi.elasticsearch.hosts",
                                        "http://new:9200")))
                .containsExactly("http://new:9200");
    }
}
