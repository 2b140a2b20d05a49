package org.pingzhi.common.model;

/**
 * A record that does not meet its contract, kept with everything needed to find and replay it.
 *
 * @param reason machine-readable reason code
 * @param message what is wrong, for a person
 * @param topic where the record came from
 * @param partition its partition (0 in replay)
 * @param offset its offset (the 0-based line number in replay)
 * @param value the original record as text, when it is valid UTF-8; otherwise null
 * @param valueBase64 the original bytes in base64, when they are not valid UTF-8; otherwise null
 */
public record DeadLetter(
        ReasonCode reason,
        String message,
        String topic,
        int partition,
        long offset,
        String value,
        String valueBase64) {

    /** Deterministic id, so that a replay or restart overwrites rather than duplicates. */
    public String id() {
        return topic + ":" + partition + ":" + offset;
    }
}
