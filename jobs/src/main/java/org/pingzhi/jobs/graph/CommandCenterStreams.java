package org.pingzhi.jobs.graph;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.jobs.normalize.DeadLetterDocuments;

/**
 * What the command-center graph produces, before any edge.
 *
 * @param documents incident states, SLA events and alerts, each under its deterministic id
 * @param deadLetters records that failed their contract
 */
public record CommandCenterStreams(
        DataStream<Document> documents, DataStream<DeadLetter> deadLetters) {

    /** Dead letters rendered as {@link DocumentKind#DEAD_LETTER} documents. */
    public DataStream<Document> deadLetterDocuments() {
        return deadLetters
                .map(DeadLetterDocuments::toDocument)
                .uid("dead-letter-documents")
                .name("Dead letters as documents");
    }

    /**
     * Dead letters masked for Elasticsearch (see {@link DeadLetterDocuments#toIndexedDocument}).
     */
    public DataStream<Document> indexedDeadLetterDocuments() {
        return deadLetters
                .map(DeadLetterDocuments::toIndexedDocument)
                .uid("dead-letter-index-documents")
                .name("Dead letters for the index");
    }

    /** Every document of the graph, dead letters included. */
    public DataStream<Document> allDocuments() {
        return documents.union(deadLetterDocuments());
    }
}
