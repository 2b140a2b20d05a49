package org.pingzhi.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import org.pingzhi.common.model.Source;

/**
 * A valid simulated record read back as a consumer of the topics would, with the contract's
 * incident membership.
 */
record Observed(SimulatedRecord record, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Observed read(SimulatedRecord record) {
        try {
            return new Observed(record, JSON.readTree(record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean hotline() {
        return record.source() == Source.HOTLINE_12345;
    }

    String id() {
        return json.get(hotline() ? "orderId" : "alarmId").asText();
    }

    String lifecycle() {
        return json.get(hotline() ? "action" : "status").asText();
    }

    String text(String field) {
        JsonNode node = json.get(field);
        return node == null ? null : node.asText();
    }

    /** The event time, parsed from the record's own format. */
    long eventTime() {
        return hotline()
                ? OffsetDateTime.parse(json.get("actionTime").asText()).toInstant().toEpochMilli()
                : json.get("statusTime").asLong();
    }

    /** The contract: {@code 110-<linkedAlarmId>} for a linked 12345 record, else its own source. */
    String incidentId() {
        String linked = text("linkedAlarmId");
        if (linked != null) {
            return "110-" + linked;
        }
        return record.source().incidentId(id());
    }

    /** The report record of the incident's own source (110 RECEIVED, or CREATE of an own order). */
    boolean isOwnReport() {
        return hotline()
                ? lifecycle().equals("CREATE") && text("linkedAlarmId") == null
                : lifecycle().equals("RECEIVED");
    }

    /** On scene, resolved or closed: what stops the response clock. */
    boolean isResponse() {
        return switch (lifecycle()) {
            case "ARRIVE", "REPLY", "CLOSE", "ARRIVED", "FINISHED", "CLOSED" -> true;
            default -> false;
        };
    }

    boolean isCancellation() {
        return lifecycle().equals("REVOKE") || lifecycle().equals("CANCELLED");
    }
}
