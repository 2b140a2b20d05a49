package org.pingzhi.dispatch.alert;

import java.time.DateTimeException;
import java.time.Instant;
import org.pingzhi.common.output.AlertDocument;

/**
 * Builds an {@link AlertNotice} from a {@code pingzhi-alerts} document (contracts/README.md "Alert
 * fields", contracts/rules.md "Alerts of rules"), as it arrives on the alerts topic. The contract's
 * own reader ({@link AlertDocument#parse}) reads the JSON; this adapter only checks and types what
 * dispatch needs of it.
 */
public final class AlertDocumentAdapter {

    private AlertDocumentAdapter() {}

    /**
     * The notice of one alert document.
     *
     * @throws InvalidAlertException naming the field when the document is not a contract alert
     */
    public static AlertNotice fromJson(String json) {
        AlertDocument document;
        try {
            document = AlertDocument.parse(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidAlertException(e.getMessage());
        }
        return fromDocument(document);
    }

    /** The notice of {@code document}, checked field by field. */
    public static AlertNotice fromDocument(AlertDocument document) {
        return new AlertNotice(
                required("alertId", document.alertId()),
                required("kind", document.kind()),
                constant("status", document.status(), AlertStatus.class),
                constant("level", document.level(), AlertLevel.class),
                constant("severity", document.severity(), Severity.class),
                document.townCode(),
                required("title", document.title()),
                required("message", document.message()),
                instant("firedAt", required("firedAt", document.firedAt())),
                instant("resolvedAt", document.resolvedAt()),
                document.incidentIds(),
                count(document.count()));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidAlertException(field + " is missing or empty");
        }
        return value;
    }

    private static <E extends Enum<E>> E constant(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, required(field, value));
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidAlertException) {
                throw e;
            }
            throw new InvalidAlertException(
                    field + " is not one of the contract's values: " + value);
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidAlertException(field + " is not an ISO-8601 UTC time: " + value);
        }
    }

    private static Integer count(Long count) {
        if (count == null) {
            return null;
        }
        if (count < Integer.MIN_VALUE || count > Integer.MAX_VALUE) {
            throw new InvalidAlertException("count is out of range: " + count);
        }
        return count.intValue();
    }
}
