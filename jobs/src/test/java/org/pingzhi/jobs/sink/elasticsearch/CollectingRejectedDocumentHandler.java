package org.pingzhi.jobs.sink.elasticsearch;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps what the sink rejects where the test can see it: the handler the job runs is a deserialized
 * copy, so the documents go to a JVM-wide queue under this handler's name.
 */
final class CollectingRejectedDocumentHandler implements RejectedDocumentHandler {

    private static final long serialVersionUID = 1L;

    private static final Map<String, Queue<RejectedDocument>> COLLECTED = new ConcurrentHashMap<>();

    private final String name = UUID.randomUUID().toString();

    CollectingRejectedDocumentHandler() {
        COLLECTED.put(name, new ConcurrentLinkedQueue<>());
    }

    @Override
    public void handle(RejectedDocument rejected) {
        COLLECTED.get(name).add(rejected);
    }

    List<RejectedDocument> collected() {
        return List.copyOf(COLLECTED.get(name));
    }
}
