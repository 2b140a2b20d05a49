package org.pingzhi.jobs.sink.elasticsearch;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before the next attempt of a held write: the backoff doubles from {@code
 * initialBackoff} up to {@code maxBackoff}, and then stays there. There is no last attempt: a write
 * Elasticsearch cannot take for now is held until it can (see {@link WriteVerdict}).
 *
 * @param initialBackoff wait before the first retry
 * @param maxBackoff cap of the wait
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff) implements Serializable {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.toMillis() <= 0 || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "need 0 < initialBackoff <= maxBackoff, got "
                            + initialBackoff
                            + " and "
                            + maxBackoff);
        }
    }

    /** The wait before the next attempt of a write that has failed {@code failedAttempts} times. */
    public long backoffMillis(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts < 1: " + failedAttempts);
        }
        long cap = maxBackoff.toMillis();
        long backoff = initialBackoff.toMillis();
        for (int doubling = 1; doubling < failedAttempts && backoff < cap; doubling++) {
            backoff *= 2;
        }
        return Math.min(backoff, cap);
    }
}
