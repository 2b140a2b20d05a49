package org.pingzhi.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.pingzhi.common.config.DeploymentMode;
import org.pingzhi.common.privacy.PrivacyOptions;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchConnection;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What PRODUCTION starts with but an operator must hear about: servers holding personal data that
 * the job reaches without authenticating. A cluster may protect them by other means (a private
 * network), so this is a warning, once per start, not a refusal.
 */
public final class SecurityWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityWarnings.class);

    private SecurityWarnings() {}

    /** The warnings for {@code configuration}; none outside PRODUCTION. */
    public static List<String> of(Configuration configuration) {
        List<String> warnings = new ArrayList<>();
        if (configuration.get(PrivacyOptions.MODE) != DeploymentMode.PRODUCTION) {
            return warnings;
        }
        if (!ElasticsearchConnection.fromConfiguration(configuration).authenticated()) {
            warnings.add(
                    "SECURITY: Elasticsearch "
                            + configuration.get(ElasticsearchOptions.HOSTS)
                            + " is used without authentication in PRODUCTION: anyone who reaches"
                            + " it reads and changes the incidents. Set "
                            + ElasticsearchOptions.API_KEY.key()
                            + " or "
                            + ElasticsearchOptions.USERNAME.key()
                            + "/.password.");
        }
        if (!KafkaOptions.authenticated(configuration)) {
            warnings.add(
                    "SECURITY: Kafka "
                            + configuration.get(KafkaOptions.BOOTSTRAP_SERVERS)
                            + " is used without authentication in PRODUCTION: anyone who reaches"
                            + " it reads the raw records and the dead letters. Set "
                            + KafkaOptions.CLIENT_PROPERTY_PREFIX
                            + "security.protocol=SASL_SSL (or SSL with a client certificate).");
        }
        return warnings;
    }

    /** Logs each warning once, at WARN. */
    public static void logAtStart(Configuration configuration) {
        of(configuration).forEach(LOG::warn);
    }
}
