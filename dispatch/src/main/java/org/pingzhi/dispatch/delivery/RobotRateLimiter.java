package org.pingzhi.dispatch.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Keeps every robot within its limit of messages per sliding window (DingTalk and WeCom: 20 a
 * minute; DingTalk throttles a robot for ten minutes beyond it) without dropping anything: the last
 * slot of a window is kept for a digest, so once a robot has sent {@code limit - 1} messages in the
 * window, further items are held and one digest of all of them goes a window after the first was
 * held (no message is sent to that robot in between, so the digest always fits). Pure logic: the
 * caller passes the time and sends what it is told to.
 *
 * @param <T> what a message is about (an alert)
 */
public final class RobotRateLimiter<T> {

    /** DingTalk's and WeCom's documented limit. */
    public static final int ROBOT_MESSAGES_PER_MINUTE = 20;

    private final int limit;
    private final long windowMillis;
    private final Map<String, Robot<T>> robots = new HashMap<>();

    public RobotRateLimiter(int limit, Duration window) {
        if (limit < 2) {
            throw new IllegalArgumentException("a limit below 2 leaves no room for a digest");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    /** The robots' limit: 20 messages a minute. */
    public static <T> RobotRateLimiter<T> forRobots() {
        return new RobotRateLimiter<>(ROBOT_MESSAGES_PER_MINUTE, Duration.ofMinutes(1));
    }

    /** Whether a message about {@code item} may go to {@code robot} at {@code now}. */
    public Admission offer(String robot, T item, long now) {
        if (book(robot, now)) {
            return Admission.SEND;
        }
        Robot<T> state = robots.get(robot);
        if (state.held.isEmpty()) {
            state.heldSince = now;
        }
        state.held.add(item);
        return Admission.HELD;
    }

    /**
     * Books a message to {@code robot} at {@code now} when one may go, as {@link #offer} would send
     * it; holds nothing when none may. A message booked and then not sent only leaves the robot
     * fewer messages in its window.
     */
    public boolean book(String robot, long now) {
        Robot<T> state = robots.computeIfAbsent(robot, name -> new Robot<>());
        state.forgetBefore(now - windowMillis);
        if (!state.held.isEmpty() || state.sent.size() >= limit - 1) {
            return false;
        }
        state.sent.addLast(now);
        return true;
    }

    /**
     * The digests due at or before {@code now}, booked as sent at {@code now}; the robots' held
     * items are handed over.
     */
    public List<Digest<T>> due(long now) {
        List<Digest<T>> due = new ArrayList<>();
        robots.forEach(
                (name, state) -> {
                    if (!state.held.isEmpty() && state.heldSince + windowMillis <= now) {
                        due.add(new Digest<>(name, state.held, now));
                        state.held = new ArrayList<>();
                        state.forgetBefore(now - windowMillis);
                        state.sent.addLast(now);
                    }
                });
        due.sort((a, b) -> Long.compare(a.sendAt(), b.sendAt()));
        return due;
    }

    /** When the next digest is due, for the caller's timer; empty when nothing is held. */
    public OptionalLong nextDueAt() {
        return robots.values().stream()
                .filter(state -> !state.held.isEmpty())
                .mapToLong(state -> state.heldSince + windowMillis)
                .min();
    }

    private static final class Robot<T> {
        /** Send instants within the window, oldest first. */
        final Deque<Long> sent = new ArrayDeque<>();

        List<T> held = new ArrayList<>();
        long heldSince;

        /** A send at {@code t} leaves the window at {@code t + window}. */
        void forgetBefore(long windowStart) {
            while (!sent.isEmpty() && sent.peekFirst() <= windowStart) {
                sent.removeFirst();
            }
        }
    }
}
