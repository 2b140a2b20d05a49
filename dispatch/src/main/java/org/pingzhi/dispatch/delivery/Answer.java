package org.pingzhi.dispatch.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * A channel's answer to one attempt, classified.
 *
 * @param retryAfter how long the channel asked to wait (HTTP {@code Retry-After}), if it did
 * @param errcode the robot's {@code errcode}, null when the answer has none
 */
public record Answer(Kind kind, String detail, Optional<Duration> retryAfter, Integer errcode) {

    /** How an attempt ended. */
    public enum Kind {
        /** Taken: the message is delivered. */
        DELIVERED,
        /** Not taken this time (no answer, 5xx, a busy robot): try again after a backoff. */
        RETRY,
        /** The channel is throttling us (429, DingTalk 130101, WeCom 45009): wait longer. */
        RATE_LIMITED,
        /** Refused for good (bad token or signature, a malformed message): retrying cannot help. */
        PERMANENT
    }

    public static Answer of(Kind kind, String detail) {
        return new Answer(kind, detail, Optional.empty(), null);
    }
}
