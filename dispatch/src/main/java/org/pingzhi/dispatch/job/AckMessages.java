package org.pingzhi.dispatch.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.DateTimeException;
import java.time.Instant;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.ack.Acknowledgement;

/** Reads an acknowledgement from the acks topic: {@code {"alertId", "who", "at"}}. */
public final class AckMessages {

    /** The message as the ack server writes it ({@code at} ISO-8601 UTC). */
    record AckMessage(
            @JsonProperty("alertId") String alertId,
            @JsonProperty("who") String who,
            @JsonProperty("at") String at) {}

    private AckMessages() {}

    /**
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Acknowledgement parse(String json) {
        AckMessage message;
        try {
            message = Json.mapper().readValue(json, AckMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an acknowledgement: " + e.getOriginalMessage());
        }
        if (message == null) {
            throw new IllegalArgumentException("Not an acknowledgement: null");
        }
        require("alertId", message.alertId());
        require("who", message.who());
        require("at", message.at());
        try {
            return new Acknowledgement(
                    message.alertId(), message.who(), Instant.parse(message.at()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "acknowledgement: at is not an ISO-8601 UTC time: " + message.at());
        }
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "acknowledgement: " + field + " is missing or empty");
        }
    }
}
