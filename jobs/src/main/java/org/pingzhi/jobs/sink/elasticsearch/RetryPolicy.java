package org.pingzhi.jobs.sink.elasticsearch;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Which failures are worth another attempt, how many, and how long to wait before each: the backoff
 * doubles from {@code initialBackoff} up to {@code maxBackoff}.
 *
 * @param maxRetries attempts after the first one; a write that still fails is given up
 * @param initialBackoff wait before the first retry
 * @param maxBackoff cap of the wait
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff)
        implements Serializable {

    private static final int HTTP_TOO_MANY_REQUESTS = 429;
    private static final int HTTP_SERVER_ERROR = 500;

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
        }
        if (initialBackoff.toMillis() <= 0 || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "need 0 < initialBackoff <= maxBackoff, got "
                            + initialBackoff
                            + " and "
                            + maxBackoff);
        }
    }

    /**
     * Whether Elasticsearch may succeed later with a request that got this HTTP status: 429 (too
     * many requests) and 5xx are passing trouble; other 4xx answers will not change.
     */
    public static boolean isRetryableStatus(int status) {
        return status == HTTP_TOO_MANY_REQUESTS || status >= HTTP_SERVER_ERROR;
    }

    /** Whether a write that has failed {@code failedAttempts} times may be attempted again. */
    public boolean allowsAnotherAttempt(int failedAttempts) {
        return failedAttempts <= maxRetries;
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
