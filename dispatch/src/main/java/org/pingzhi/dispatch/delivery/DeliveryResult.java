package org.pingzhi.dispatch.delivery;

/**
 * How a message's delivery ended.
 *
 * @param attempts the attempts made
 * @param detail the last answer (e.g. {@code errcode 310000: sign not match})
 */
public record DeliveryResult(Outcome outcome, int attempts, String detail) {

    /** The end of a delivery. */
    public enum Outcome {
        DELIVERED,
        /** The channel refused it for good. */
        REFUSED,
        /** Every attempt failed retryably; the caller keeps the message for later. */
        GAVE_UP
    }
}
