package org.pingzhi.jobs.sink.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the buffered writes as versioned bulk requests and sorts out the answers ({@link
 * BulkOutcome}): written or superseded documents are done, held writes go back to the queue after a
 * backoff (a processing-time timer, never a sleep on the task thread; no limit on the attempts,
 * {@link HeldWrites} keeps count and logs), a request too large is split, documents refused on
 * their own merits go to the {@link RejectedDocumentHandler}, and only a request that can never
 * succeed fails the job. Batching, the in-flight limit, back-pressure and checkpointing of the
 * buffer come from {@link AsyncSinkWriter}; per-document order and coalescing from {@link
 * DocumentWriteQueue}.
 */
public class ElasticsearchSinkWriter<InputT>
        extends AsyncSinkWriter<InputT, ElasticsearchRequestEntry> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

    private final DocumentWriteQueue queue;
    private final RetryPolicy retryPolicy;
    private final RejectedDocumentHandler rejectedDocumentHandler;
    private final MailboxExecutor mailbox;
    private final ProcessingTimeService timeService;
    private final HeldWrites held;
    private final ElasticsearchSinkMetrics metrics;
    private final ElasticsearchAsyncClient client;

    ElasticsearchSinkWriter(
            ElementConverter<InputT, ElasticsearchRequestEntry> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            DocumentWriteQueue queue,
            Collection<BufferedRequestState<ElasticsearchRequestEntry>> states,
            ElasticsearchConnection connection,
            RetryPolicy retryPolicy,
            RejectedDocumentHandler rejectedDocumentHandler)
            throws IOException {
        super(elementConverter, context, configuration, states, queue, queue);
        this.queue = queue;
        this.retryPolicy = retryPolicy;
        this.rejectedDocumentHandler = rejectedDocumentHandler;
        this.mailbox = context.getMailboxExecutor();
        this.timeService = context.getProcessingTimeService();
        this.held = new HeldWrites(timeService::getCurrentProcessingTime);
        this.metrics = new ElasticsearchSinkMetrics(context.metricGroup(), held);
        this.client = ElasticsearchClients.asyncClient(connection);
        try {
            rejectedDocumentHandler.open(context);
        } catch (Exception e) {
            IOUtils.closeQuietly(client);
            throw new IOException("cannot open the rejected-document handler", e);
        }
    }

    @Override
    protected void submitRequestEntries(
            List<ElasticsearchRequestEntry> batch,
            ResultHandler<ElasticsearchRequestEntry> resultHandler) {
        metrics.bulkSent();
        long sentNanos = System.nanoTime();
        client.bulk(bulkRequest(batch))
                .whenComplete(
                        (response, failure) ->
                                answered(batch, resultHandler, sentNanos, response, failure));
    }

    /** On the HTTP client's thread: sorts the answer out and hands it to the task thread. */
    private void answered(
            List<ElasticsearchRequestEntry> batch,
            ResultHandler<ElasticsearchRequestEntry> resultHandler,
            long sentNanos,
            BulkResponse response,
            Throwable failure) {
        try {
            metrics.bulkAnswered(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos));
            BulkOutcome outcome =
                    failure == null
                            ? BulkOutcome.ofResponse(batch, response, retryPolicy)
                            : BulkOutcome.ofFailure(batch, failure, retryPolicy);
            mailbox.execute(
                    () -> complete(batch, outcome, resultHandler),
                    "complete an Elasticsearch bulk request of %d documents",
                    batch.size());
        } catch (RuntimeException e) {
            // e.g. the task is shutting down; an exception here would vanish in the future
            resultHandler.completeExceptionally(e);
        }
    }

    /** On the task thread: the answer to one bulk request. */
    private void complete(
            List<ElasticsearchRequestEntry> batch,
            BulkOutcome outcome,
            ResultHandler<ElasticsearchRequestEntry> resultHandler)
            throws Exception {
        metrics.bulkCompleted(outcome);
        if (outcome.fatal() != null) {
            resultHandler.completeExceptionally(outcome.fatal());
            return;
        }
        if (outcome.splitBelowBytes() > 0) {
            queue.limitBatchBytes(outcome.splitBelowBytes());
            LOG.warn(
                    "Bulk requests now of at most {} bytes, sending {} documents again: {}",
                    outcome.splitBelowBytes(),
                    batch.size(),
                    outcome.heldBecause());
        }
        queue.completed(batch, outcome.retries());
        held.completed(batch, outcome);
        for (RejectedDocument rejected : outcome.rejected()) {
            rejectedDocumentHandler.handle(rejected);
        }
        if (outcome.retries().isEmpty()) {
            resultHandler.complete();
            return;
        }
        // the request stays in flight during the backoff: it holds its slot, which slows the
        // writer down while Elasticsearch is struggling
        timeService.registerTimer(
                timeService.getCurrentProcessingTime() + outcome.retryDelayMillis(),
                time -> resultHandler.retryForEntries(outcome.retries()));
    }

    private static BulkRequest bulkRequest(List<ElasticsearchRequestEntry> batch) {
        List<BulkOperation> operations = new ArrayList<>(batch.size());
        for (ElasticsearchRequestEntry entry : batch) {
            if (entry.isDeletion()) {
                operations.add(
                        BulkOperation.of(
                                op ->
                                        op.delete(
                                                delete ->
                                                        delete.index(entry.index())
                                                                .id(entry.id())
                                                                .version(entry.version())
                                                                .versionType(
                                                                        VersionType.External))));
                continue;
            }
            BinaryData source = BinaryData.of(entry.sourceBytes(), ContentType.APPLICATION_JSON);
            operations.add(
                    BulkOperation.of(
                            op ->
                                    op.index(
                                            index ->
                                                    index.index(entry.index())
                                                            .id(entry.id())
                                                            .version(entry.version())
                                                            .versionType(VersionType.External)
                                                            .document(source))));
        }
        return BulkRequest.of(request -> request.operations(operations));
    }

    @Override
    protected long getSizeInBytes(ElasticsearchRequestEntry entry) {
        return entry.sizeInBytes();
    }

    /** Also makes the rejected documents durable, so a checkpoint never forgets one. */
    @Override
    public void flush(boolean flush) throws InterruptedException {
        super.flush(flush);
        try {
            rejectedDocumentHandler.flush();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new ElasticsearchSinkException("the rejected-document handler failed", e);
        }
    }

    @Override
    public void close() {
        super.close();
        try {
            IOUtils.closeAll(rejectedDocumentHandler::close, client);
        } catch (Exception e) {
            throw new ElasticsearchSinkException("cannot close the Elasticsearch sink writer", e);
        }
    }
}
