package org.pingzhi.jobs.time;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/**
 * Whether an input still has records to read that were written to it before the question: asked
 * before the wall clock may move the time of an input that is silent after old records, or has
 * delivered none since a (re)start, so that a backlog being read slowly is not turned into late
 * records.
 */
@FunctionalInterface
public interface Backlog extends Serializable {

    /**
     * Completes with {@code true} while records are unread, {@code false} once none is; never
     * blocks the caller. A failed answer counts as unread.
     */
    CompletableFuture<Boolean> unread();

    /**
     * For an input whose reading position is not known outside the job (no checkpoints): taken to
     * be caught up, as if there were no backlog.
     */
    static Backlog none() {
        return () -> CompletableFuture.completedFuture(false);
    }
}
