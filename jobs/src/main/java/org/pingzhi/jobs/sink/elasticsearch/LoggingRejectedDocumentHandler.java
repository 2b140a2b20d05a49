package org.pingzhi.jobs.sink.elasticsearch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link RejectedDocumentHandler}: one WARN line per rejected document, with its index,
 * id and Elasticsearch's error but never its source (large, and the error says what is wrong). The
 * writer's {@code esRejected} metric counts them.
 */
public final class LoggingRejectedDocumentHandler implements RejectedDocumentHandler {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(LoggingRejectedDocumentHandler.class);

    @Override
    public void handle(RejectedDocument rejected) {
        LOG.warn(
                "Elasticsearch rejected document {}/{} after {} attempt(s): status {}, {}: {}",
                rejected.index(),
                rejected.id(),
                rejected.attempts(),
                rejected.status(),
                rejected.errorType(),
                rejected.errorReason());
    }
}
