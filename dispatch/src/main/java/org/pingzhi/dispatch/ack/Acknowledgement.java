package org.pingzhi.dispatch.ack;

import java.time.Instant;
import org.pingzhi.common.output.AlertAcknowledgement;

/**
 * A duty officer's acknowledgement of an alert, a {@code pingzhi-acks} document.
 *
 * @param who the roster's person id (never a mobile)
 * @param at when the acknowledgement was received (wall clock: it records a person's act)
 */
public record Acknowledgement(String alertId, String who, Instant at) {

    /** {@code alertId:who}: a replayed acknowledgement lands on the same document. */
    public String documentId() {
        return message().documentId();
    }

    /** What the Elasticsearch document and the Kafka record hold. */
    public AlertAcknowledgement message() {
        return new AlertAcknowledgement(alertId, who, at.toEpochMilli());
    }
}
