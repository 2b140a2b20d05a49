package org.pingzhi.dispatch.delivery;

import java.time.Duration;

/**
 * One HTTP attempt of a delivery and how it ended, for the audit.
 *
 * @param number 1 for the first attempt of a delivery
 * @param startedAt when the request went, epoch milliseconds (the delivery's clock)
 * @param latencyMillis from the request to its answer, or to giving up waiting for one
 * @param httpStatus the answer's HTTP status, 0 when no answer came
 * @param retryIn the wait before the next attempt, null when none follows (delivered, refused, or
 *     the last attempt)
 */
public record HttpAttempt(
        int number,
        long startedAt,
        long latencyMillis,
        int httpStatus,
        Answer answer,
        Duration retryIn) {

    /** Told of each attempt as it ends; called on the HTTP client's threads. */
    @FunctionalInterface
    public interface Listener {
        void attempted(HttpAttempt attempt);

        Listener NONE = attempt -> {};
    }
}
