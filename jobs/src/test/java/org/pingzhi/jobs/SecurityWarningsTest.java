package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.testing.CapturedLog;

class SecurityWarningsTest {

    @Test
    void productionWithoutAuthenticationWarnsOnceForElasticsearchAndOnceForKafka() {
        Configuration production = Configuration.fromMap(Map.of("pingzhi.mode", "PRODUCTION"));

        List<CapturedLog.Line> warnings;
        try (CapturedLog log = new CapturedLog()) {
            SecurityWarnings.logAtStart(production);
            warnings = log.lines().stream().filter(line -> line.level() == Level.WARN).toList();
        }

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0).message())
                .contains(
                        "Elasticsearch", "without authentication", "pingzhi.elasticsearch.api-key");
        assertThat(warnings.get(1).message())
                .contains(
                        "Kafka",
                        "without authentication",
                        "pingzhi.kafka.property.security.protocol");
    }

    @Test
    void authenticatedServicesGiveNoWarning() {
        Configuration production =
                Configuration.fromMap(
                        Map.of(
                                "pingzhi.mode", "PRODUCTION",
                                "pingzhi.elasticsearch.hosts", "https://es:9200",
                                "pingzhi.elasticsearch.api-key", "a2V5OnNlY3JldA==",
                                "pingzhi.kafka.property.security.protocol", "SASL_SSL"));
        Configuration mutualTls =
                Configuration.fromMap(
                        Map.of(
                                "pingzhi.mode", "PRODUCTION",
                                "pingzhi.elasticsearch.hosts", "https://es:9200",
                                "pingzhi.elasticsearch.username", "pingzhi",
                                "pingzhi.elasticsearch.password", "s3cret-s3cret",
                                "pingzhi.kafka.property.security.protocol", "SSL",
                                "pingzhi.kafka.property.ssl.keystore.location", "/etc/k.p12"));

        assertThat(SecurityWarnings.of(production)).isEmpty();
        assertThat(SecurityWarnings.of(mutualTls)).isEmpty();
    }

    @Test
    void developmentGivesNoWarning() {
        assertThat(SecurityWarnings.of(new Configuration())).isEmpty();
    }
}
