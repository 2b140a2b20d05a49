package org.pingzhi.jobs.lifecycle;

import static org.pingzhi.jobs.typeutils.BinaryFields.readLongOrNull;
import static org.pingzhi.jobs.typeutils.BinaryFields.readString;
import static org.pingzhi.jobs.typeutils.BinaryFields.readStrings;
import static org.pingzhi.jobs.typeutils.BinaryFields.writeLongOrNull;
import static org.pingzhi.jobs.typeutils.BinaryFields.writeString;
import static org.pingzhi.jobs.typeutils.BinaryFields.writeStrings;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.common.output.GeoPoint;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.common.output.SlaEventDocument;
import org.pingzhi.jobs.lifecycle.IncidentChange.AlertChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.LeftoverDeleted;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.typeutils.FormatSnapshot;

/**
 * {@link IncidentChange} field by field in binary: a tag, then the document's fields in record
 * order. The values are immutable, so a copy (between chained operators) is the value itself.
 */
public final class IncidentChangeSerializer extends TypeSerializerSingleton<IncidentChange> {

    private static final long serialVersionUID = 1L;

    public static final IncidentChangeSerializer INSTANCE = new IncidentChangeSerializer();

    private static final byte INCIDENT = 0;

    /** An SLA event as format versions 3 and 4 wrote it, without the incident's priority. */
    private static final byte SLA_EVENT_WITHOUT_PRIORITY = 1;

    private static final byte ALERT = 2;
    private static final byte LEFTOVER = 3;
    private static final byte SLA_EVENT = 4;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public IncidentChange createInstance() {
        return null;
    }

    @Override
    public IncidentChange copy(IncidentChange from) {
        return from;
    }

    @Override
    public IncidentChange copy(IncidentChange from, IncidentChange reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(IncidentChange change, DataOutputView out) throws IOException {
        if (change instanceof IncidentChanged changed) {
            out.writeByte(INCIDENT);
            out.writeLong(changed.eventTime());
            writeIncident(changed.document(), out);
        } else if (change instanceof SlaEventChanged changed) {
            out.writeByte(SLA_EVENT);
            out.writeLong(changed.eventTime());
            writeString(changed.priority(), out);
            out.writeBoolean(changed.decision());
            writeSlaEvent(changed.event(), out);
        } else if (change instanceof AlertChanged changed) {
            out.writeByte(ALERT);
            out.writeLong(changed.eventTime());
            writeString(changed.incidentId(), out);
            writeAlert(changed.alert(), out);
        } else {
            LeftoverDeleted deleted = (LeftoverDeleted) change;
            out.writeByte(LEFTOVER);
            writeString(deleted.incidentId(), out);
            out.writeByte(deleted.kind().ordinal());
            writeString(deleted.documentId(), out);
        }
    }

    @Override
    public IncidentChange deserialize(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case INCIDENT -> {
                long eventTime = in.readLong();
                yield new IncidentChanged(readIncident(in), eventTime);
            }
            case SLA_EVENT -> {
                long eventTime = in.readLong();
                String priority = readString(in);
                boolean decision = in.readBoolean();
                yield new SlaEventChanged(readSlaEvent(in), priority, decision, eventTime);
            }
            case SLA_EVENT_WITHOUT_PRIORITY -> {
                long eventTime = in.readLong();
                yield new SlaEventChanged(readSlaEvent(in), null, true, eventTime);
            }
            case ALERT -> {
                long eventTime = in.readLong();
                String incidentId = readString(in);
                yield new AlertChanged(incidentId, readAlert(in), eventTime);
            }
            case LEFTOVER -> {
                String incidentId = readString(in);
                DocumentKind kind = DocumentKind.values()[in.readByte()];
                yield new LeftoverDeleted(incidentId, kind, readString(in));
            }
            default -> throw new IOException("Unknown incident change tag " + tag);
        };
    }

    @Override
    public IncidentChange deserialize(IncidentChange reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<IncidentChange> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * The serializer's snapshot, versioned: a change of the binary format of a kind of change held
     * in state must come with a new version and a read path for the older ones.
     *
     * <p>Version 3 is what releases wrote before this class had its own versions (it extended
     * {@link org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot}, whose version 3
     * writes no payload). Within it the layout of alerts changed (ruleVersion, a nullable count),
     * so version 3 data cannot tell the two alert layouts apart; but state only ever holds incident
     * documents ({@link IncidentChangeTypeInfo#INCIDENTS}, the escalation join's last document),
     * whose layout, escalation fields included, is the same in version 3 and 4. So both restore as
     * they are.
     *
     * <p>Version 5 writes SLA events with the incident's priority and whether they announce a
     * decision, under a tag of their own; the earlier versions' tag still reads, with a null
     * priority, as a decision. Incident documents are as in 4.
     */
    public static final class Snapshot extends FormatSnapshot<IncidentChange> {

        static final int UNVERSIONED = 3;
        static final int WITHOUT_PRIORITY = 4;
        static final int CURRENT = 5;

        public Snapshot() {
            super(
                    "Incident changes",
                    CURRENT,
                    Set.of(UNVERSIONED, WITHOUT_PRIORITY, CURRENT),
                    () -> INSTANCE);
        }
    }

    private static void writeIncident(IncidentDocument document, DataOutputView out)
            throws IOException {
        writeString(document.incidentId(), out);
        writeStrings(document.sources(), out);
        writeString(document.alarmId(), out);
        writeString(document.orderId(), out);
        writeString(document.category(), out);
        writeString(document.rawCategory(), out);
        writeString(document.priority(), out);
        writeString(document.townCode(), out);
        writeString(document.town(), out);
        writeString(document.village(), out);
        GeoPoint location = document.location();
        out.writeBoolean(location != null);
        if (location != null) {
            out.writeDouble(location.lat());
            out.writeDouble(location.lon());
        }
        writeString(document.status(), out);
        writeString(document.reportedAt(), out);
        writeString(document.dispatchedAt(), out);
        writeString(document.acceptedAt(), out);
        writeString(document.onSceneAt(), out);
        writeString(document.resolvedAt(), out);
        writeString(document.closedAt(), out);
        out.writeLong(document.slaTargetSeconds());
        writeString(document.slaDeadline(), out);
        writeString(document.slaStatus(), out);
        out.writeBoolean(document.responseSeconds() != null);
        if (document.responseSeconds() != null) {
            out.writeDouble(document.responseSeconds());
        }
        writeString(document.escalationLevel(), out);
        writeStrings(document.escalationRules(), out);
        writeString(document.ruleLevel(), out);
        writeString(document.callerKey(), out);
        writeString(document.summary(), out);
        writeString(document.updatedAt(), out);
        writeString(document.cancelledAt(), out);
        writeString(document.respondedAt(), out);
        writeString(document.slaWarnAt(), out);
        writeString(document.unit(), out);
        writeString(document.gridCode(), out);
    }

    private static IncidentDocument readIncident(DataInputView in) throws IOException {
        String incidentId = readString(in);
        List<String> sources = readStrings(in);
        String alarmId = readString(in);
        String orderId = readString(in);
        String category = readString(in);
        String rawCategory = readString(in);
        String priority = readString(in);
        String townCode = readString(in);
        String town = readString(in);
        String village = readString(in);
        GeoPoint location =
                in.readBoolean() ? new GeoPoint(in.readDouble(), in.readDouble()) : null;
        String status = readString(in);
        String reportedAt = readString(in);
        String dispatchedAt = readString(in);
        String acceptedAt = readString(in);
        String onSceneAt = readString(in);
        String resolvedAt = readString(in);
        String closedAt = readString(in);
        long slaTargetSeconds = in.readLong();
        String slaDeadline = readString(in);
        String slaStatus = readString(in);
        Double responseSeconds = in.readBoolean() ? in.readDouble() : null;
        String escalationLevel = readString(in);
        List<String> escalationRules = readStrings(in);
        String ruleLevel = readString(in);
        return new IncidentDocument(
                incidentId,
                sources,
                alarmId,
                orderId,
                category,
                rawCategory,
                priority,
                townCode,
                town,
                village,
                location,
                status,
                reportedAt,
                dispatchedAt,
                acceptedAt,
                onSceneAt,
                resolvedAt,
                closedAt,
                slaTargetSeconds,
                slaDeadline,
                slaStatus,
                responseSeconds,
                escalationLevel,
                escalationRules,
                ruleLevel,
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in));
    }

    private static void writeSlaEvent(SlaEventDocument event, DataOutputView out)
            throws IOException {
        writeString(event.incidentId(), out);
        writeString(event.type(), out);
        writeString(event.level(), out);
        writeString(event.at(), out);
        writeString(event.townCode(), out);
        writeString(event.category(), out);
        writeStrings(event.sources(), out);
        out.writeLong(event.targetSeconds());
        out.writeDouble(event.elapsedSeconds());
        out.writeBoolean(event.retracted());
        writeStrings(event.retracts(), out);
    }

    private static SlaEventDocument readSlaEvent(DataInputView in) throws IOException {
        return new SlaEventDocument(
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readStrings(in),
                in.readLong(),
                in.readDouble(),
                in.readBoolean(),
                readStrings(in));
    }

    private static void writeAlert(AlertDocument alert, DataOutputView out) throws IOException {
        writeString(alert.alertId(), out);
        writeString(alert.kind(), out);
        writeString(alert.ruleId(), out);
        writeString(alert.ruleVersion(), out);
        writeString(alert.severity(), out);
        writeString(alert.level(), out);
        writeString(alert.townCode(), out);
        writeString(alert.category(), out);
        writeString(alert.title(), out);
        writeString(alert.message(), out);
        writeStrings(alert.incidentIds(), out);
        writeString(alert.windowStart(), out);
        writeString(alert.windowEnd(), out);
        writeLongOrNull(alert.count(), out);
        writeString(alert.firedAt(), out);
        writeString(alert.status(), out);
        writeString(alert.resolvedAt(), out);
    }

    private static AlertDocument readAlert(DataInputView in) throws IOException {
        return new AlertDocument(
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readStrings(in),
                readString(in),
                readString(in),
                readLongOrNull(in),
                readString(in),
                readString(in),
                readString(in));
    }
}
