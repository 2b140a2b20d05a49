package org.pingzhi.dispatch.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The facts of an alert that dispatch sends to people: what the contract's alert document says,
 * typed, and nothing else (no caller data ever reaches it: the contract's title and message carry
 * none).
 *
 * @param townCode null for an alert of no town (e.g. a feed silence of a whole source)
 * @param resolvedAt null while the alert is not resolved
 * @param count null where the alert's kind counts nothing (e.g. a feed silence)
 */
public record AlertNotice(
        String alertId,
        String kind,
        AlertStatus status,
        AlertLevel level,
        Severity severity,
        String townCode,
        String title,
        String message,
        Instant firedAt,
        Instant resolvedAt,
        List<String> incidentIds,
        Integer count) {

    public AlertNotice {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(firedAt, "firedAt");
        incidentIds = List.copyOf(incidentIds);
    }
}
