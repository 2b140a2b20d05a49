package org.pingzhi.common.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;

/**
 * A duty officer's acknowledgement of an alert: what {@code ./pingzhi ack-server} writes to the
 * Elasticsearch index {@code pingzhi-acks} and publishes to the Kafka topic {@code pingzhi-acks}
 * (key alertId), and what the command-center job reads back to show the alert ACKED. Its JSON is
 * exactly {@code {"alertId":…,"who":…,"at":"2026-11-28T03:11:00.250Z"}}.
 *
 * @param who the roster's person id (never a mobile)
 * @param at when the acknowledgement was received, epoch milliseconds (wall clock: a person's act)
 */
public record AlertAcknowledgement(String alertId, String who, long at) {

    /** {@code alertId:who}: a replayed acknowledgement lands on the same document. */
    public String documentId() {
        return alertId + ":" + who;
    }

    public String json() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("alertId", alertId);
        fields.put("who", who);
        fields.put("at", Times.iso(at));
        return Json.toString(fields);
    }

    /**
     * An acknowledgement as {@link #json} wrote it (other fields are ignored).
     *
     * @throws IllegalArgumentException when {@code json} is not one, saying why
     */
    public static AlertAcknowledgement parse(String json) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Not an acknowledgement: " + e.getOriginalMessage(), e);
        }
        String at = text(node, "at", json);
        try {
            return new AlertAcknowledgement(
                    text(node, "alertId", json), text(node, "who", json), Times.parseIso(at));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "An acknowledgement whose at is no ISO-8601 instant: " + at, e);
        }
    }

    private static String text(JsonNode node, String field, String json) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new IllegalArgumentException("An acknowledgement without " + field + ": " + json);
        }
        return value.textValue();
    }
}
