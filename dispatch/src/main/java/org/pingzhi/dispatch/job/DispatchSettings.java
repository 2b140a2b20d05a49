package org.pingzhi.dispatch.job;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.pingzhi.dispatch.ack.AckLinks;
import org.pingzhi.dispatch.ack.AckSignature;

/**
 * What the dispatch function needs of the options, shipped with it to the task managers: the start
 * roster file is read there, when the function opens.
 */
public record DispatchSettings(
        String rosterFile,
        String ackBaseUrl,
        String ackSecret,
        Duration ackLinkValidity,
        Duration resolvedRetention,
        String kibanaUrl,
        List<String> elasticsearchHosts,
        String elasticsearchApiKey,
        String notificationsIndex,
        Duration requestTimeout)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static DispatchSettings of(Configuration configuration) {
        return new DispatchSettings(
                configuration.get(DispatchOptions.ROSTER_FILE),
                configuration.get(DispatchOptions.ACK_BASE_URL),
                configuration.get(DispatchOptions.ACK_SECRET),
                configuration.get(DispatchOptions.ACK_LINK_VALIDITY),
                configuration.get(DispatchOptions.RESOLVED_RETENTION),
                configuration.get(DispatchOptions.KIBANA_URL),
                List.copyOf(configuration.get(DispatchOptions.ELASTICSEARCH_HOSTS)),
                configuration.getOptional(DispatchOptions.ELASTICSEARCH_API_KEY).orElse(null),
                configuration.get(DispatchOptions.NOTIFICATIONS_INDEX),
                configuration.get(DispatchOptions.REQUEST_TIMEOUT));
    }

    /**
     * The roster file the job starts with, validated.
     *
     * @throws IOException when the file cannot be read; a roster that is not valid is refused with
     *     every problem listed
     */
    public RosterVersion startRoster() throws IOException {
        RosterVersion start =
                RosterVersion.startFile(
                        Files.readString(Path.of(rosterFile), StandardCharsets.UTF_8), rosterFile);
        start.parse();
        return start;
    }

    /** The delivery ledger and audit, {@code pingzhi-notifications}. */
    public NotificationLedger ledger() {
        return NotificationLedger.connect(
                elasticsearchHosts, Optional.ofNullable(elasticsearchApiKey), notificationsIndex);
    }

    public AckLinks ackLinks() {
        return new AckLinks(URI.create(ackBaseUrl), new AckSignature(ackSecret), ackLinkValidity);
    }
}
