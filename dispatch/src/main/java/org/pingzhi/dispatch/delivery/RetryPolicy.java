package org.pingzhi.dispatch.delivery;

import java.time.Duration;

/**
 * How deliveries wait and retry.
 *
 * @param requestTimeout one attempt's limit, answer included
 * @param initialBackoff the wait after the first failure, doubled after each further one
 * @param maxBackoff the longest wait after a failure
 * @param rateLimitBackoff the least wait after the channel throttled us (a robot's limit is per
 *     minute)
 * @param maxAttempts attempts before a retryable failure is given up (and reported as such)
 */
public record RetryPolicy(
        Duration requestTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration rateLimitBackoff,
        int maxAttempts) {

    /**
     * For the robots: 10 s an attempt, 1 s doubling to 5 min, a minute after throttling, 12
     * attempts.
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                12);
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after the {@code failures}-th failed attempt answered {@code answer}. */
    public Duration backoff(int failures, Answer answer) {
        Duration exponential = initialBackoff.multipliedBy(1L << Math.min(failures - 1, 30));
        Duration backoff = exponential.compareTo(maxBackoff) > 0 ? maxBackoff : exponential;
        if (answer.kind() != Answer.Kind.RATE_LIMITED) {
            return backoff;
        }
        Duration asked = answer.retryAfter().orElse(Duration.ZERO);
        Duration least = asked.compareTo(rateLimitBackoff) > 0 ? asked : rateLimitBackoff;
        return backoff.compareTo(least) > 0 ? backoff : least;
    }
}
