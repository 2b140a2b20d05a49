package org.pingzhi.dispatch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes items in batches, one batch in flight at a time: an item goes at once when nothing is in
 * flight, else with everything that came meanwhile as soon as the batch in flight is answered. So a
 * lone write waits for nobody, and under load the writes share requests (one Elasticsearch {@code
 * _bulk}, one translog sync) instead of queueing one request each for the client's connections and
 * the server's write threads. Thread-safe.
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
    private final List<Queued<T>> waiting = new ArrayList<>();
    private boolean inFlight;

    WriteBatcher(Batch<T> batch) {
        this.batch = batch;
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
        return written;
    }

    /** The next batch to write, marked in flight; null when one is in flight or nothing waits. */
    private List<Queued<T>> takeBatch() {
        if (inFlight || waiting.isEmpty()) {
            return null;
        }
        List<Queued<T>> taken =
                new ArrayList<>(waiting.subList(0, Math.min(MAX_BATCH, waiting.size())));
        waiting.subList(0, taken.size()).clear();
        inFlight = true;
        return taken;
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
                        inFlight = false;
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
                });
    }
}
