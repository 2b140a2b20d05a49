package org.pingzhi.jobs.time;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a silent input has read everything written to it, from its {@link Backlog}'s answers:
 * asked again at most once a second while records are unread, and given up after a timeout, so that
 * an answer that never comes (or is wrong for good) delays the deadlines, never stops them. A
 * record read makes every earlier answer stale.
 */
public final class CatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);
    private static final long ASK_AGAIN_AFTER_MILLIS = 1_000;

    private final Backlog backlog;
    private final long timeoutMillis;

    private CompletableFuture<Boolean> pending;
    private long askedAt = Long.MIN_VALUE;
    private long waitingSince = Long.MIN_VALUE;
    private boolean caughtUp;

    public CatchUp(Backlog backlog, Duration timeout) {
        this.backlog = backlog;
        this.timeoutMillis = timeout.toMillis();
    }

    /** A record was read: what was known about the backlog no longer holds. */
    public void recordRead() {
        pending = null;
        askedAt = Long.MIN_VALUE;
        waitingSince = Long.MIN_VALUE;
        caughtUp = false;
    }

    /**
     * Whether the input is known, at wall-clock time {@code now}, to have no unread records (or the
     * wait for that has timed out); asks when an answer is due. Never blocks.
     */
    public boolean caughtUp(long now) {
        if (caughtUp) {
            return true;
        }
        if (waitingSince == Long.MIN_VALUE) {
            waitingSince = now;
        }
        if (pending == null
                && (askedAt == Long.MIN_VALUE || now - askedAt >= ASK_AGAIN_AFTER_MILLIS)) {
            askedAt = now;
            pending = backlog.unread();
        }
        if (pending != null && pending.isDone()) {
            boolean unread = pending.exceptionally(failure -> true).join();
            pending = null;
            if (!unread) {
                caughtUp = true;
                return true;
            }
        }
        if (now - waitingSince >= timeoutMillis) {
            LOG.warn(
                    "An input still had unread records (or gave no answer) after {} ms of"
                            + " silence; its time follows the wall clock from now on",
                    timeoutMillis);
            caughtUp = true;
            return true;
        }
        return false;
    }
}
