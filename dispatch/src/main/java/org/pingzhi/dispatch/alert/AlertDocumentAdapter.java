package org.pingzhi.dispatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.json.Json;

/**
 * Builds an {@link AlertNotice} from a {@code pingzhi-alerts} document (contracts/README.md "Alert
 * fields", contracts/rules.md "Alerts of rules"), as it arrives on the alerts topic. The one place
 * that knows the document's JSON.
 */
public final class AlertDocumentAdapter {

    private AlertDocumentAdapter() {}

    /**
     * The notice of one alert document.
     *
     * @throws InvalidAlertException naming the field when the document is not a contract alert
     */
    public static AlertNotice fromJson(String json) {
        JsonNode document;
        try {
            document = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidAlertException("not JSON: " + e.getOriginalMessage());
        }
        if (document == null || !document.isObject()) {
            throw new InvalidAlertException("not a JSON object");
        }
        return new AlertNotice(
                required(document, "alertId"),
                required(document, "kind"),
                constant(document, "status", AlertStatus.class),
                constant(document, "level", AlertLevel.class),
                constant(document, "severity", Severity.class),
                optional(document, "townCode"),
                required(document, "title"),
                required(document, "message"),
                instant(document, "firedAt", required(document, "firedAt")),
                instant(document, "resolvedAt", optional(document, "resolvedAt")),
                incidentIds(document),
                count(document));
    }

    private static String required(JsonNode document, String field) {
        String value = optional(document, field);
        if (value == null || value.isBlank()) {
            throw new InvalidAlertException(field + " is missing or empty");
        }
        return value;
    }

    private static String optional(JsonNode document, String field) {
        JsonNode node = document.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidAlertException(field + " is not a string: " + node);
        }
        return node.textValue();
    }

    private static <E extends Enum<E>> E constant(JsonNode document, String field, Class<E> type) {
        String value = required(document, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidAlertException(
                    field + " is not one of the contract's values: " + value);
        }
    }

    private static Instant instant(JsonNode document, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidAlertException(field + " is not an ISO-8601 UTC time: " + value);
        }
    }

    private static List<String> incidentIds(JsonNode document) {
        JsonNode node = document.get("incidentIds");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidAlertException("incidentIds is not an array: " + node);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isTextual()) {
                throw new InvalidAlertException("incidentIds holds a non-string: " + id);
            }
            ids.add(id.textValue());
        }
        return ids;
    }

    private static Integer count(JsonNode document) {
        JsonNode node = document.get("count");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new InvalidAlertException("count is not an integer: " + node);
        }
        return node.intValue();
    }
}
