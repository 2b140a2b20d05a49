package org.pingzhi.jobs.sink.elasticsearch;

import java.io.Serializable;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Where documents that Elasticsearch refused for good go, so that none is lost silently. One
 * instance per sink writer (subtask); every method runs on the writer's task thread, so an
 * implementation need not be thread-safe. The writer counts rejected documents itself (metric
 * {@code esRejected}) whatever the handler does.
 *
 * <p>An exception thrown here fails the job (it restarts from its last checkpoint), so a handler
 * that cannot store a rejected document must throw rather than drop it.
 *
 * <p>A handler writing to the dead-letter topic would create a Kafka producer in {@link #open},
 * send one record per {@link #handle} call (keyed by {@code index + "/" + id}, value a JSON with
 * index, id, status, errorType, errorReason, attempts and the source), wait for the outstanding
 * sends in {@link #flush} (called before every checkpoint and at end of input, which gives
 * at-least-once delivery of dead letters) and close the producer in {@link #close}.
 */
public interface RejectedDocumentHandler extends Serializable {

    /** Called once when the writer starts, before any other method. */
    default void open(WriterInitContext context) throws Exception {}

    /** Takes one rejected document. */
    void handle(RejectedDocument rejected) throws Exception;

    /** Makes every handled document durable; called before each checkpoint and at end of input. */
    default void flush() throws Exception {}

    /** Called once when the writer closes. */
    default void close() throws Exception {}
}
