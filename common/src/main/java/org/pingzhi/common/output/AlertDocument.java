package org.pingzhi.common.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

/**
 * An alert, a {@code pingzhi-alerts} document and an alerts-topic message ({@code _id} alertId): an
 * SLA escalation's or a rule episode's (contract rules.md, "Alerts of rules"). Contract fields
 * first; additions: {@code resolvedAt} (when the alert became RESOLVED), and once a duty officer
 * acknowledged it {@code ackedBy} and {@code ackedAt} (see {@link #acknowledged}). The
 * command-center job renders it ({@link #render}) whole, acknowledgement included, so no other
 * writer's fields are overwritten; the alert-dispatch job reads it back from the alerts topic
 * ({@link #parse}).
 *
 * @param ruleVersion the rules file's version for a rule's alert; null, and then not rendered, for
 *     an SLA escalation, whose documents predate rules and stay byte for byte as they were
 * @param windowStart for an SLA escalation the clock start
 * @param windowEnd for an SLA escalation the step's instant
 * @param count 1 for an SLA escalation; null for a rule kind without a figure (FEED_SILENCE)
 * @param firedAt event time, never the wall clock
 * @param ackedBy the roster's person id of the first acknowledgement; null, and then not rendered,
 *     while nobody acknowledged the alert
 * @param ackedAt when that acknowledgement was received (wall clock: a person's act)
 */
public record AlertDocument(
        String alertId,
        String kind,
        String ruleId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String ruleVersion,
        String severity,
        String level,
        String townCode,
        String category,
        String title,
        String message,
        List<String> incidentIds,
        String windowStart,
        String windowEnd,
        Long count,
        String firedAt,
        String status,
        String resolvedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String ackedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String ackedAt) {

    /** {@code kind} and {@code ruleId} of an SLA escalation's alert. */
    public static final String SLA_ESCALATION_KIND = "SLA_ESCALATION";

    public static final String SLA_ESCALATION_RULE_ID = "sla-escalation";

    public AlertDocument {
        incidentIds = List.copyOf(incidentIds);
    }

    /** An alert nobody acknowledged (yet). */
    public AlertDocument(
            String alertId,
            String kind,
            String ruleId,
            String ruleVersion,
            String severity,
            String level,
            String townCode,
            String category,
            String title,
            String message,
            List<String> incidentIds,
            String windowStart,
            String windowEnd,
            Long count,
            String firedAt,
            String status,
            String resolvedAt) {
        this(
                alertId,
                kind,
                ruleId,
                ruleVersion,
                severity,
                level,
                townCode,
                category,
                title,
                message,
                incidentIds,
                windowStart,
                windowEnd,
                count,
                firedAt,
                status,
                resolvedAt,
                null,
                null);
    }

    /**
     * This alert acknowledged by {@code who} at {@code at} (ISO-8601): an OPEN alert becomes ACKED;
     * a RESOLVED one stays RESOLVED and keeps who acknowledged it and when.
     */
    public AlertDocument acknowledged(String who, String at) {
        String shown = AlertStatus.OPEN.name().equals(status) ? AlertStatus.ACKED.name() : status;
        return new AlertDocument(
                alertId,
                kind,
                ruleId,
                ruleVersion,
                severity,
                level,
                townCode,
                category,
                title,
                message,
                incidentIds,
                windowStart,
                windowEnd,
                count,
                firedAt,
                shown,
                resolvedAt,
                who,
                at);
    }

    /** The alertId of an SLA escalation: {@code sla:<incidentId>:<level>}. */
    public static String slaAlertId(String incidentId, String level) {
        return "sla:" + incidentId + ":" + level;
    }

    /**
     * The alertId of a rule's episode: {@code rule:<ruleId>:<group>:<startEpochMillis>}, the
     * group's values joined by {@code |}, a {@code %} in a value written {@code %25} and a {@code
     * |} written {@code %7C}.
     */
    public static String ruleAlertId(String ruleId, List<String> group, long startEpochMillis) {
        StringBuilder id = new StringBuilder("rule:").append(ruleId).append(':');
        for (int i = 0; i < group.size(); i++) {
            if (i > 0) {
                id.append('|');
            }
            id.append(group.get(i).replace("%", "%25").replace("|", "%7C"));
        }
        return id.append(':').append(startEpochMillis).toString();
    }

    /** The document rendered, its event time {@code eventTime}. */
    public Document render(long eventTime) {
        return new Document(DocumentKind.ALERT, alertId, Json.toString(this), eventTime);
    }

    /**
     * An alert as {@link #render} wrote it (fields it does not know are ignored).
     *
     * @throws IllegalArgumentException when {@code json} is not an alert
     */
    public static AlertDocument parse(String json) {
        try {
            AlertDocument alert = Json.mapper().readValue(json, AlertDocument.class);
            if (alert.alertId() == null) {
                throw new IllegalArgumentException("An alert without alertId: " + json);
            }
            return alert;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an alert: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * An exact fingerprint of what {@link #render} writes (field by field, in order); the
     * acknowledgement's fields only when rendered, so an unacknowledged alert's fingerprint is the
     * one kept in checkpoints before they existed.
     */
    public long fingerprint() {
        Fingerprint fingerprint =
                new Fingerprint()
                        .add(alertId)
                        .add(kind)
                        .add(ruleId)
                        .add(ruleVersion)
                        .add(severity)
                        .add(level)
                        .add(townCode)
                        .add(category)
                        .add(title)
                        .add(message)
                        .add(incidentIds)
                        .add(windowStart)
                        .add(windowEnd)
                        .add(count)
                        .add(firedAt)
                        .add(status)
                        .add(resolvedAt);
        if (ackedBy != null || ackedAt != null) {
            fingerprint.add(ackedBy).add(ackedAt);
        }
        return fingerprint.value();
    }
}
