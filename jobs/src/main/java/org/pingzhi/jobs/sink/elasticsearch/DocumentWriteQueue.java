package org.pingzhi.jobs.sink.elasticsearch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.sink.writer.Batch;
import org.apache.flink.connector.base.sink.writer.BatchCreator;
import org.apache.flink.connector.base.sink.writer.RequestBuffer;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.apache.flink.connector.base.sink.writer.strategy.RequestInfo;

/**
 * The sink writer's queue of pending writes; it makes the last write to a document the one that
 * stays in Elasticsearch, however many bulk requests are in flight.
 *
 * <p>Elasticsearch may apply two concurrent bulk requests in either order, and a write that comes
 * back for a retry must not overwrite a newer one. So while a write to a document is in flight, the
 * document's later writes are held back in the queue (in order) until that write has succeeded,
 * been refused for good, or come back for a retry — at the head of the queue, ahead of the newer
 * writes. Within one batch, writes to the same document are coalesced: the last one is sent, the
 * earlier ones are dropped.
 *
 * <p>It is both the {@link RequestBuffer} and the {@link BatchCreator} of the writer; everything
 * runs on the task's mailbox thread.
 */
final class DocumentWriteQueue
        implements RequestBuffer<ElasticsearchRequestEntry>,
                BatchCreator<ElasticsearchRequestEntry> {

    /** Lowered when Elasticsearch (or a proxy in front of it) finds requests too large. */
    private long maxBatchSizeInBytes;

    private final ArrayDeque<RequestEntryWrapper<ElasticsearchRequestEntry>> queue =
            new ArrayDeque<>();
    private final Map<DocumentKey, Integer> queuedPerDocument = new HashMap<>();

    /** For each document with a write in flight, the batch (by identity) that carries it. */
    private final Map<DocumentKey, List<ElasticsearchRequestEntry>> inFlight = new HashMap<>();

    /** Queued writes whose document has a write in flight. */
    private int heldBack;

    private long totalSizeInBytes;

    DocumentWriteQueue(long maxBatchSizeInBytes) {
        if (maxBatchSizeInBytes <= 0) {
            throw new IllegalArgumentException("maxBatchSizeInBytes <= 0: " + maxBatchSizeInBytes);
        }
        this.maxBatchSizeInBytes = maxBatchSizeInBytes;
    }

    /**
     * Queues a write. {@code prioritized} puts it at the head: the writer does that only with
     * writes coming back for a retry, so their document is no longer in flight.
     */
    @Override
    public void add(RequestEntryWrapper<ElasticsearchRequestEntry> entry, boolean prioritized) {
        if (prioritized) {
            land(entry.getRequestEntry().key());
            queue.addFirst(entry);
        } else {
            queue.addLast(entry);
        }
        onQueued(entry);
    }

    @Override
    public RequestEntryWrapper<ElasticsearchRequestEntry> poll() {
        RequestEntryWrapper<ElasticsearchRequestEntry> head = queue.pollFirst();
        if (head != null) {
            onDequeued(head);
        }
        return head;
    }

    @Override
    public RequestEntryWrapper<ElasticsearchRequestEntry> peek() {
        return queue.peekFirst();
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public int size() {
        return queue.size();
    }

    /** The queued writes in order, for the checkpoint (nothing is in flight then). */
    @Override
    public Collection<RequestEntryWrapper<ElasticsearchRequestEntry>> getBufferedState() {
        return queue;
    }

    @Override
    public long totalSizeInBytes() {
        return totalSizeInBytes;
    }

    /**
     * Makes the batches from now on at most {@code bytes} large (a batch still carries at least one
     * write); the limit only ever goes down, for the writer's lifetime.
     */
    void limitBatchBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes <= 0: " + bytes);
        }
        maxBatchSizeInBytes = Math.min(maxBatchSizeInBytes, bytes);
    }

    /** Whether some queued write could be sent now: one whose document has no write in flight. */
    boolean hasSendable() {
        return queue.size() > heldBack;
    }

    /**
     * Takes the next batch: in queue order, skipping held-back writes, at most {@code
     * requestInfo.getBatchSize()} writes and {@code maxBatchSizeInBytes} of coalesced writes (at
     * least one write when any is sendable). Its documents are in flight until {@link #completed}
     * or until their writes are queued again.
     */
    @Override
    public Batch<ElasticsearchRequestEntry> createNextBatch(
            RequestInfo requestInfo, RequestBuffer<ElasticsearchRequestEntry> buffer) {
        if (buffer != this) {
            throw new IllegalArgumentException("batches are taken from this queue only");
        }
        Map<DocumentKey, RequestEntryWrapper<ElasticsearchRequestEntry>> byDocument =
                new LinkedHashMap<>();
        long batchBytes = 0;
        int taken = 0;
        Iterator<RequestEntryWrapper<ElasticsearchRequestEntry>> it = queue.iterator();
        while (taken < requestInfo.getBatchSize() && it.hasNext()) {
            RequestEntryWrapper<ElasticsearchRequestEntry> next = it.next();
            DocumentKey key = next.getRequestEntry().key();
            if (inFlight.containsKey(key)) {
                continue;
            }
            RequestEntryWrapper<ElasticsearchRequestEntry> coalesced = byDocument.get(key);
            long bytes =
                    batchBytes + next.getSize() - (coalesced == null ? 0 : coalesced.getSize());
            if (!byDocument.isEmpty() && bytes > maxBatchSizeInBytes) {
                break;
            }
            it.remove();
            onDequeued(next);
            byDocument.put(key, next);
            batchBytes = bytes;
            taken++;
        }
        List<ElasticsearchRequestEntry> batch = new ArrayList<>(byDocument.size());
        for (RequestEntryWrapper<ElasticsearchRequestEntry> wrapper : byDocument.values()) {
            batch.add(wrapper.getRequestEntry());
        }
        for (DocumentKey key : byDocument.keySet()) {
            inFlight.put(key, batch);
            heldBack += queuedPerDocument.getOrDefault(key, 0);
        }
        return new Batch<>(batch, batchBytes);
    }

    /**
     * Ends the flight of {@code batch}'s writes, except {@code retried}: those stay in flight until
     * they are queued again, so no newer write to their documents overtakes them.
     */
    void completed(
            List<ElasticsearchRequestEntry> batch, Collection<ElasticsearchRequestEntry> retried) {
        Set<DocumentKey> stillInFlight = new HashSet<>();
        for (ElasticsearchRequestEntry entry : retried) {
            stillInFlight.add(entry.key());
        }
        for (ElasticsearchRequestEntry entry : batch) {
            DocumentKey key = entry.key();
            // identity: a batch that timed out was queued again, and may be in flight anew
            if (!stillInFlight.contains(key) && inFlight.get(key) == batch) {
                land(key);
            }
        }
    }

    private void land(DocumentKey key) {
        if (inFlight.remove(key) != null) {
            heldBack -= queuedPerDocument.getOrDefault(key, 0);
        }
    }

    private void onQueued(RequestEntryWrapper<ElasticsearchRequestEntry> entry) {
        DocumentKey key = entry.getRequestEntry().key();
        queuedPerDocument.merge(key, 1, Integer::sum);
        if (inFlight.containsKey(key)) {
            heldBack++;
        }
        totalSizeInBytes += entry.getSize();
    }

    private void onDequeued(RequestEntryWrapper<ElasticsearchRequestEntry> entry) {
        DocumentKey key = entry.getRequestEntry().key();
        queuedPerDocument.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
        if (inFlight.containsKey(key)) {
            heldBack--;
        }
        totalSizeInBytes -= entry.getSize();
    }
}
