package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.util.HexFormat;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.jobs.lifecycle.IncidentChange.AlertChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.LeftoverDeleted;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;

class IncidentChangeSerializerTest {

    private static final UnifiedEvent REPORT =
            police("J330482202611280010", "RECEIVED", minutes(50))
                    .category("FIRE_SAFETY", "火灾")
                    .priority(Priority.P1)
                    .town("当湖街道")
                    .callerKey("caller-key")
                    .summary("报警")
                    .build();

    /** One change of each kind, with null and empty fields where the documents have them. */
    static List<IncidentChange> everyKind() {
        IncidentState state = IncidentFold.fold("110-J330482202611280010", List.of(REPORT));
        SlaOutcome sla = SlaEvaluator.evaluate(state.slaInput(), 10 * MINUTE, minutes(75));
        return List.of(
                new IncidentChanged(OutputDocuments.incident(state, sla), minutes(70)),
                new IncidentChanged(
                        OutputDocuments.incident(state, sla)
                                .withRuleEscalation(List.of("hotspot-1"), "TOWN"),
                        minutes(70)),
                new SlaEventChanged(
                        OutputDocuments.slaEvent(state, sla, SlaFact.BREACH, minutes(60), true),
                        "P1",
                        false,
                        minutes(60)),
                new SlaEventChanged(
                        OutputDocuments.retraction(
                                state, sla, List.of(SlaFact.BREACH), minutes(61)),
                        "P1",
                        false,
                        minutes(61)),
                new AlertChanged(
                        state.incidentId(),
                        OutputDocuments.alert(
                                state, sla.timeline(), EscalationLevel.CITY, minutes(70), null),
                        minutes(70)),
                new AlertChanged(state.incidentId(), feedSilenceAlert(), minutes(70)),
                new LeftoverDeleted(state.incidentId(), DocumentKind.ALERT, "sla:x:TOWN"));
    }

    /** A rule's alert: a ruleVersion, no count, no category, no windowEnd. */
    private static AlertDocument feedSilenceAlert() {
        return new AlertDocument(
                "rule:silent:110:0",
                "FEED_SILENCE",
                "silent",
                "v1",
                "WARNING",
                "CITY",
                null,
                null,
                "title",
                "message",
                List.of(),
                "1970-01-01T00:00:00.000Z",
                null,
                null,
                "1970-01-01T00:15:00.000Z",
                "OPEN",
                null);
    }

    @Test
    void everyKindOfChangeSurvivesTheWire() throws Exception {
        for (IncidentChange change : everyKind()) {
            DataOutputSerializer out = new DataOutputSerializer(256);
            IncidentChangeSerializer.INSTANCE.serialize(change, out);
            IncidentChange back =
                    IncidentChangeSerializer.INSTANCE.deserialize(
                            new DataInputDeserializer(out.getCopyOfBuffer()));

            assertThat(back).isEqualTo(change);
            assertThat(back.render()).isEqualTo(change.render());
        }
    }

    @Test
    void flinkFindsTheTypeOfTheSealedInterface() {
        assertThat(TypeInformation.of(IncidentChange.class))
                .isEqualTo(IncidentChangeTypeInfo.INSTANCE);
        assertThat(IncidentChangeTypeInfo.SLA_EVENTS).isNotEqualTo(IncidentChangeTypeInfo.ALERTS);
    }

    @Test
    void chainedOperatorsCopyChangesWithoutKryo() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.getConfig().disableObjectReuse();
        ((SerializerConfigImpl) env.getConfig().getSerializerConfig()).setGenericTypes(false);
        List<Document> rendered =
                env.fromData(everyKind(), TypeInformation.of(IncidentChange.class))
                        .map(change -> change)
                        .returns(IncidentChangeTypeInfo.INSTANCE)
                        .map(IncidentChange::render)
                        .executeAndCollect(100);

        assertThat(rendered)
                .containsExactlyElementsOf(
                        everyKind().stream().map(IncidentChange::render).toList());
    }

    /**
     * An incident document (the one kind of change state holds) in the bytes releases before the
     * snapshot had its own versions wrote: pinned, so that a change of its layout shows here and
     * comes with a new snapshot version and a read path.
     */
    private static final String UNVERSIONED_INCIDENT =
            "00000001a220218f40183131302d4a333330343832323032363131323830303130000000"
                    + "0104313130144a333330343832323032363131323830303130000c464952455f53414645"
                    + "545903ebe001fee0010350310a33333034383230303105d3be01d6dc01d79002d3a00200"
                    + "00095245504f5254454419323032362d31312d32385430323a35303a30302e3030305a00"
                    + "00000000000000000000025819323032362d31312d32385430333a30303a30302e303030"
                    + "5a094252454143484544000543495459000000010a686f7473706f742d3105544f574e0b"
                    + "63616c6c65722d6b657903a5c501e6960219323032362d31312d32385430333a31303a30"
                    + "302e3030305a000019323032362d31312d32385430323a35383a30302e3030305a0000";

    private static IncidentChange pinnedIncident() {
        return everyKind().get(1);
    }

    @Test
    void theIncidentDocumentsLayoutIsThePinnedOne() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        IncidentChangeSerializer.INSTANCE.serialize(pinnedIncident(), out);

        assertThat(HexFormat.of().formatHex(out.getCopyOfBuffer())).isEqualTo(UNVERSIONED_INCIDENT);
    }

    /**
     * The withdrawn BREACH of {@link #everyKind} as format version 4 wrote it, without priority.
     */
    private static final String SLA_EVENT_WITHOUT_PRIORITY =
            "01000001a220186780183131302d4a333330343832323032363131323830303130074252"
                    + "454143480019323032362d31312d32385430333a30303a30302e3030305a0a33333034"
                    + "38323030310c464952455f534146455459000000010431313000000000000002584082"
                    + "c0000000000001ffffffff";

    @Test
    void anSlaEventWrittenBeforeThePriorityWasCarriedReadsWithoutOne() throws Exception {
        SlaEventChanged now = (SlaEventChanged) everyKind().get(2);

        IncidentChange before =
                IncidentChangeSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(
                                HexFormat.of().parseHex(SLA_EVENT_WITHOUT_PRIORITY)));

        assertThat(before).isEqualTo(new SlaEventChanged(now.event(), null, true, now.eventTime()));
    }

    @Test
    void version4DataRestoresAsItIs() throws Exception {
        assertThat(
                        restoredAsItIs(4)
                                .restoreSerializer()
                                .deserialize(
                                        new DataInputDeserializer(
                                                HexFormat.of()
                                                        .parseHex(SLA_EVENT_WITHOUT_PRIORITY))))
                .isInstanceOf(SlaEventChanged.class);
    }

    /**
     * The snapshot of an earlier {@code version} as it was written (the snapshot's class, its
     * version, no payload: also what SimpleTypeSerializerSnapshot wrote for version 3), checked to
     * be compatible as it is.
     */
    private TypeSerializerSnapshot<IncidentChange> restoredAsItIs(int version) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeUTF(IncidentChangeSerializer.Snapshot.class.getName());
        out.writeInt(version);
        TypeSerializerSnapshot<IncidentChange> previous =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(
                        IncidentChangeSerializer.INSTANCE
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(previous)
                                .isCompatibleAsIs())
                .isTrue();
        return previous;
    }

    @Test
    void stateOfTheReleasesBeforeVersionsRestoresAsItIs() throws Exception {
        IncidentChange restored =
                restoredAsItIs(3)
                        .restoreSerializer()
                        .deserialize(
                                new DataInputDeserializer(
                                        HexFormat.of().parseHex(UNVERSIONED_INCIDENT)));
        assertThat(restored).isEqualTo(pinnedIncident());
    }

    @Test
    void theSnapshotIsAtVersion5() {
        assertThat(IncidentChangeSerializer.INSTANCE.snapshotConfiguration())
                .isInstanceOf(IncidentChangeSerializer.Snapshot.class)
                .extracting(TypeSerializerSnapshot::getCurrentVersion)
                .isEqualTo(5);
    }
}
