package org.pingzhi.jobs.lifecycle;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.common.output.SlaEventDocument;

/**
 * What the lifecycle tells the world about one incident, typed: later stages read the values, and
 * the edges render them ({@link #render}) to Elasticsearch, Kafka and replay files. Immutable; its
 * Flink type is {@link IncidentChangeSerializer}.
 */
@TypeInfo(IncidentChangeTypeInfo.Factory.class)
public sealed interface IncidentChange {

    String incidentId();

    /** The event time the change speaks for, epoch milliseconds (never the wall clock). */
    long eventTime();

    /** The document the change writes (or deletes) under its deterministic id. */
    Document render();

    /** The incident's state changed: its document. */
    record IncidentChanged(IncidentDocument document, long eventTime) implements IncidentChange {

        @Override
        public String incidentId() {
            return document.incidentId();
        }

        @Override
        public Document render() {
            return document.render(eventTime);
        }
    }

    /**
     * An SLA event emitted, or withdrawn ({@code event.retracted()}).
     *
     * @param priority the incident's priority as the event was built (P1..P3), for the rules'
     *     filters: the event's document does not carry it; null in changes written before it was
     *     carried (see {@link IncidentChangeSerializer.Snapshot})
     * @param decision whether the event announces a fact that did not stand before (its first
     *     emission, or again after a withdrawal): the incident's SLA decision for BREACH_RATE,
     *     which the event emitted again because what it says about the incident changed is not;
     *     true in changes written before it was carried
     */
    record SlaEventChanged(
            SlaEventDocument event, String priority, boolean decision, long eventTime)
            implements IncidentChange {

        @Override
        public String incidentId() {
            return event.incidentId();
        }

        @Override
        public Document render() {
            return event.render(eventTime);
        }
    }

    /** An escalation alert opened or resolved ({@code alert.status()}). */
    record AlertChanged(String incidentId, AlertDocument alert, long eventTime)
            implements IncidentChange {

        @Override
        public Document render() {
            return alert.render(eventTime);
        }
    }

    /**
     * After a recovery, the deletion of a document a failed attempt left behind (see {@link
     * RestoreSweep}).
     */
    record LeftoverDeleted(String incidentId, DocumentKind kind, String documentId)
            implements IncidentChange {

        @Override
        public long eventTime() {
            return 0L;
        }

        @Override
        public Document render() {
            return Document.deletionOf(kind, documentId, 0L);
        }
    }
}
