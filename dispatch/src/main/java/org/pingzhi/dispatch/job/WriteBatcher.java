package org.pingzhi.dispatch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writes items in batches, a few batches in flight at a time (one by default): an item goes at once
 * while fewer are in flight, else with everything that came meanwhile as soon as one in flight is
 * answered. So a lone write waits for nobody, and under load the writes share requests (one
 * Elasticsearch {@code _bulk}, one translog sync) instead of queueing one request each for the
 * client's connections and the server's write threads.
 *
 * <p>A batcher may yield to another (the audit to the claims): it starts no request while the other
 * has items waiting for a place in flight, and starts its own as soon as they are all on their way,
 * so that its requests never stand in the server's write queue ahead of the other's. It does not
 * wait for the other's requests in flight, so it cannot be held back for longer than the other has
 * a backlog. Thread-safe.
 *
 * @param <T> what is written
 */
final class WriteBatcher<T> {

    /** Writes a batch; its future holds each item's failure, null where the item was written. */
    @FunctionalInterface
    interface Batch<T> {
        CompletableFuture<List<Throwable>> write(List<T> items);
    }

    /** Items one request carries at most. */
    static final int MAX_BATCH = 500;

    private record Queued<T>(T item, CompletableFuture<Void> written) {}

    private final Batch<T> batch;
    private final int maxInFlight;
    private final WriteBatcher<?> yieldsTo;

    /** The batchers that yield to this one: told when nothing of this one waits any longer. */
    private final List<WriteBatcher<?>> yielding = new CopyOnWriteArrayList<>();

    private final List<Queued<T>> waiting = new ArrayList<>();
    private int inFlight;

    /** Whether items wait for a place in flight; read by the batchers that yield to this one. */
    private volatile boolean backlog;

    /** One batch in flight at a time, yielding to nobody. */
    WriteBatcher(Batch<T> batch) {
        this(batch, 1, null);
    }

    /**
     * @param maxInFlight batches in flight at most
     * @param yieldsTo the batcher whose waiting items go first, or null
     */
    WriteBatcher(Batch<T> batch, int maxInFlight, WriteBatcher<?> yieldsTo) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        this.batch = batch;
        this.maxInFlight = maxInFlight;
        this.yieldsTo = yieldsTo;
        if (yieldsTo != null) {
            yieldsTo.yielding.add(this);
        }
    }

    /**
     * Completes when {@code item} is written, exceptionally with its own failure or its batch's.
     */
    CompletableFuture<Void> submit(T item) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        List<Queued<T>> next;
        synchronized (this) {
            waiting.add(new Queued<>(item, written));
            next = takeBatch();
        }
        write(next);
        letYieldingGo();
        return written;
    }

    /**
     * The next batch to write, counted in flight; null when the batches in flight are as many as
     * may be, nothing waits, or the batcher this one yields to has items waiting.
     */
    private List<Queued<T>> takeBatch() {
        List<Queued<T>> taken = null;
        if (inFlight < maxInFlight
                && !waiting.isEmpty()
                && (yieldsTo == null || !yieldsTo.backlog)) {
            taken = new ArrayList<>(waiting.subList(0, Math.min(MAX_BATCH, waiting.size())));
            waiting.subList(0, taken.size()).clear();
            inFlight++;
        }
        backlog = !waiting.isEmpty();
        return taken;
    }

    /** Starts a batch of a batcher yielding to this one, now that nothing of this one waits. */
    private void letYieldingGo() {
        if (!backlog) {
            yielding.forEach(WriteBatcher::resume);
        }
    }

    private void resume() {
        List<Queued<T>> next;
        synchronized (this) {
            next = takeBatch();
        }
        write(next);
    }

    private void write(List<Queued<T>> items) {
        if (items == null) {
            return;
        }
        CompletableFuture<List<Throwable>> written;
        try {
            written = batch.write(items.stream().map(Queued::item).toList());
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete(
                (failures, failure) -> {
                    List<Queued<T>> next;
                    synchronized (this) {
                        inFlight--;
                        next = takeBatch();
                    }
                    for (int i = 0; i < items.size(); i++) {
                        Throwable itemFailure = failure != null ? failure : failures.get(i);
                        if (itemFailure == null) {
                            items.get(i).written().complete(null);
                        } else {
                            items.get(i).written().completeExceptionally(itemFailure);
                        }
                    }
                    write(next);
                    letYieldingGo();
                });
    }
}
