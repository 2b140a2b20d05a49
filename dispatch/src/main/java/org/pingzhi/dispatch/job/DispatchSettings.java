package org.pingzhi.dispatch.job;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.dispatch.ack.AckLinks;
import org.pingzhi.dispatch.ack.AckSignature;
import org.pingzhi.dispatch.roster.DutyRoster;
import org.pingzhi.dispatch.roster.RosterFile;

/**
 * What the dispatch function needs of the options, shipped with it to the task managers: the roster
 * is read there, when the function opens.
 */
public record DispatchSettings(
        String rosterFile,
        String ackBaseUrl,
        String ackSecret,
        Duration ackLinkValidity,
        Duration resolvedRetention,
        String kibanaUrl,
        String elasticsearchUrl,
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
                configuration.get(DispatchOptions.ELASTICSEARCH_URL),
                configuration.getOptional(DispatchOptions.ELASTICSEARCH_API_KEY).orElse(null),
                configuration.get(DispatchOptions.NOTIFICATIONS_INDEX),
                configuration.get(DispatchOptions.REQUEST_TIMEOUT));
    }

    /**
     * @throws IOException when the roster cannot be read; a roster that is not valid is refused
     *     with every problem listed
     */
    public DutyRoster roster() throws IOException {
        return RosterFile.load(Path.of(rosterFile), TownDirectory.standard());
    }

    /** The delivery ledger and audit, {@code pingzhi-notifications}. */
    public NotificationLedger ledger() {
        return NotificationLedger.connect(
                elasticsearchUrl, Optional.ofNullable(elasticsearchApiKey), notificationsIndex);
    }

    public AckLinks ackLinks() {
        return new AckLinks(URI.create(ackBaseUrl), new AckSignature(ackSecret), ackLinkValidity);
    }
}
