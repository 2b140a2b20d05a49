package org.pingzhi.common.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

/**
 * An incident's current state, the {@code pingzhi-incidents} document ({@code _id} incidentId). The
 * contract's fields come first, in its order; the fields after {@code updatedAt} are additions:
 * {@code cancelledAt} (when the incident became CANCELLED), {@code respondedAt} (the clock stop),
 * {@code slaWarnAt} (80 % point), {@code unit} (latest handling unit), {@code gridCode}.
 *
 * <p>{@code escalationRules} and {@code ruleLevel} (escalations by windowed rules) are left out of
 * the JSON while null: the escalation join sets them whenever rules are in force ({@code []} and
 * {@code NONE} when no rule holds the incident), and a run without rules leaves them out.
 *
 * <p>{@code updatedAt} is the latest event time that changed the document, never the wall clock, so
 * a replay writes identical documents.
 */
public record IncidentDocument(
        String incidentId,
        List<String> sources,
        String alarmId,
        String orderId,
        String category,
        String rawCategory,
        String priority,
        String townCode,
        String town,
        String village,
        GeoPoint location,
        String status,
        String reportedAt,
        String dispatchedAt,
        String acceptedAt,
        String onSceneAt,
        String resolvedAt,
        String closedAt,
        long slaTargetSeconds,
        String slaDeadline,
        String slaStatus,
        Double responseSeconds,
        String escalationLevel,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> escalationRules,
        @JsonInclude(JsonInclude.Include.NON_NULL) String ruleLevel,
        String callerKey,
        String summary,
        String updatedAt,
        String cancelledAt,
        String respondedAt,
        String slaWarnAt,
        String unit,
        String gridCode) {

    public IncidentDocument {
        sources = List.copyOf(sources);
        escalationRules = escalationRules == null ? null : List.copyOf(escalationRules);
    }

    /** This document with the escalations by rules set (see {@code rules.md}). */
    public IncidentDocument withRuleEscalation(List<String> rules, String level) {
        return new IncidentDocument(
                incidentId,
                sources,
                alarmId,
                orderId,
                category,
                rawCategory,
                priority,
                townCode,
                town,
                village,
                location,
                status,
                reportedAt,
                dispatchedAt,
                acceptedAt,
                onSceneAt,
                resolvedAt,
                closedAt,
                slaTargetSeconds,
                slaDeadline,
                slaStatus,
                responseSeconds,
                escalationLevel,
                rules,
                level,
                callerKey,
                summary,
                updatedAt,
                cancelledAt,
                respondedAt,
                slaWarnAt,
                unit,
                gridCode);
    }

    /**
     * The document rendered, its event time {@code eventTime} (the instant of {@code updatedAt}).
     */
    public Document render(long eventTime) {
        return new Document(DocumentKind.INCIDENT, incidentId, Json.toString(this), eventTime);
    }

    /** An exact fingerprint of what {@link #render} writes (field by field, in order). */
    public long fingerprint() {
        Fingerprint fingerprint =
                new Fingerprint()
                        .add(incidentId)
                        .add(sources)
                        .add(alarmId)
                        .add(orderId)
                        .add(category)
                        .add(rawCategory)
                        .add(priority)
                        .add(townCode)
                        .add(town)
                        .add(village)
                        .add(location != null);
        if (location != null) {
            fingerprint.add(location.lat()).add(location.lon());
        }
        return fingerprint
                .add(status)
                .add(reportedAt)
                .add(dispatchedAt)
                .add(acceptedAt)
                .add(onSceneAt)
                .add(resolvedAt)
                .add(closedAt)
                .add(slaTargetSeconds)
                .add(slaDeadline)
                .add(slaStatus)
                .add(responseSeconds)
                .add(escalationLevel)
                .add(escalationRules)
                .add(ruleLevel)
                .add(callerKey)
                .add(summary)
                .add(updatedAt)
                .add(cancelledAt)
                .add(respondedAt)
                .add(slaWarnAt)
                .add(unit)
                .add(gridCode)
                .value();
    }
}
