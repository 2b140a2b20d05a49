package org.pingzhi.common.model;

/**
 * A record that does not meet its contract, kept with everything needed to find and replay it.
 *
 * @param reason machine-readable reason code
 * @param message what is wrong, for a person
 * @param topic where the record came from
 * @param partition its partition (0 in replay)
 * @param offset its offset (the 0-based line number in replay)
 * @param value the original record as text, when it is valid UTF-8; otherwise null. Of a {@code
 *     TOO_LARGE} record only its first bytes, cut at a character boundary
 * @param valueBase64 the original bytes in base64, when they are not valid UTF-8; otherwise null.
 *     Of a {@code TOO_LARGE} record only its first bytes
 * @param originalBytes of a {@code TOO_LARGE} record, its whole length in bytes; otherwise null
 * @param sha256 of a {@code TOO_LARGE} record, the SHA-256 of all its bytes in lower-case hex;
 *     otherwise null
 * @param readAt when the record was written to its Kafka topic (the record's timestamp), epoch
 *     milliseconds, so that bad input can be charted by when it came; null when that is unknown
 *     (read from a replay file, or a Kafka record without a timestamp)
 */
public record DeadLetter(
        ReasonCode reason,
        String message,
        String topic,
        int partition,
        long offset,
        String value,
        String valueBase64,
        Long originalBytes,
        String sha256,
        Long readAt) {

    /** This dead letter, read at {@code readAt}. */
    public DeadLetter withReadAt(Long readAt) {
        return new DeadLetter(
                reason,
                message,
                topic,
                partition,
                offset,
                value,
                valueBase64,
                originalBytes,
                sha256,
                readAt);
    }

    /** Deterministic id, so that a replay or restart overwrites rather than duplicates. */
    public String id() {
        return topic + ":" + partition + ":" + offset;
    }
}
