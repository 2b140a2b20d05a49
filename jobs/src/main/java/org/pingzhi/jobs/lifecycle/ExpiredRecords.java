package org.pingzhi.jobs.lifecycle;

import java.time.Duration;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.output.Fingerprint;

/**
 * The dead letter of a record too old to place ({@link ReasonCode#INCIDENT_EXPIRED}).
 *
 * <p>The lifecycle sees records after normalization, where their Kafka position is gone: the dead
 * letter names the operator as {@code topic} ({@value IncidentLifecycleFunction#UID}), partition 0,
 * and as {@code offset} a hash of the incident and the record's duplicate key, so that the same
 * record replayed overwrites its dead letter. Its {@code value} is the normalized record (personal
 * data already removed).
 */
final class ExpiredRecords {

    private ExpiredRecords() {}

    static DeadLetter deadLetter(UnifiedEvent record, Duration summaryRetention) {
        String identity = record.incidentId() + "|" + record.duplicateKey();
        return new DeadLetter(
                ReasonCode.INCIDENT_EXPIRED,
                "Record of incident "
                        + record.incidentId()
                        + " is older than the summary retention ("
                        + summaryRetention
                        + ") and the incident is no longer known: it is not started over",
                IncidentLifecycleFunction.UID,
                0,
                Fingerprint.ofText(identity) & Long.MAX_VALUE,
                Json.toString(record),
                null,
                null,
                null,
                null);
    }
}
