package org.pingzhi.jobs.graph;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.AlertChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.metrics.MinuteMetric;
import org.pingzhi.jobs.normalize.DeadLetterDocuments;
import org.pingzhi.jobs.rules.flow.RuleAlertChanged;

/**
 * What the command-center graph produces, before any edge: typed streams for later stages (rules,
 * dispatch), and the documents they render to for the edges.
 *
 * @param events the accepted records of both sources, in event time
 * @param incidentChanges everything the lifecycle tells about incidents, incident documents with
 *     their escalations by rules
 * @param slaDecisions the SLA events among them (emitted or withdrawn)
 * @param alerts the escalation alerts among them (opened or resolved)
 * @param metrics the per-minute metrics of the incidents (a minute with only zeros: to be deleted)
 * @param deadLetters records that failed their contract
 * @param documents the incident changes, the rules' alerts and the metrics rendered, each under its
 *     deterministic id
 * @param ruleAlerts the rules' alerts (fired, grown, resolved)
 */
public record CommandCenterStreams(
        DataStream<UnifiedEvent> events,
        DataStream<IncidentChange> incidentChanges,
        DataStream<SlaEventChanged> slaDecisions,
        DataStream<AlertChanged> alerts,
        DataStream<MinuteMetric> metrics,
        DataStream<DeadLetter> deadLetters,
        DataStream<Document> documents,
        DataStream<RuleAlertChanged> ruleAlerts) {

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
