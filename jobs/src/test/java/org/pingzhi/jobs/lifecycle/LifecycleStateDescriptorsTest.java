package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaFact;

class LifecycleStateDescriptorsTest {

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static SerializerConfigImpl withoutGenericTypes() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return config;
    }

    @Test
    void recordsAreStoredAsPojos() throws Exception {
        assertThat(LifecycleStateDescriptors.RECORD_TYPE).isInstanceOf(PojoTypeInfo.class);
        UnifiedEvent record =
                TestEvents.police("J1", "RECEIVED", minutes(0))
                        .category("FIRE_SAFETY", "火灾")
                        .priority(Priority.P1)
                        .location(30.6, 121.09)
                        .seq(3)
                        .build();

        assertThat(
                        roundTrip(
                                LifecycleStateDescriptors.RECORD_TYPE.createSerializer(
                                        withoutGenericTypes()),
                                record))
                .isEqualTo(record);
    }

    @Test
    void whatWasEmittedIsStoredAsAPojo() throws Exception {
        assertThat(LifecycleStateDescriptors.EMITTED_TYPE).isInstanceOf(PojoTypeInfo.class);
        EmittedOutputs emitted = new EmittedOutputs();
        emitted.stand(SlaFact.BREACH, minutes(10));
        emitted.replace(OutputSlot.INCIDENT, 42L);
        emitted.setTimer(minutes(20));

        EmittedOutputs copy =
                roundTrip(
                        LifecycleStateDescriptors.EMITTED_TYPE.createSerializer(
                                withoutGenericTypes()),
                        emitted);

        assertThat(copy.isStanding(SlaFact.BREACH)).isTrue();
        assertThat(copy.lastAt(SlaFact.BREACH)).isEqualTo(minutes(10));
        assertThat(copy.replace(OutputSlot.INCIDENT, 42L)).isFalse();
        assertThat(copy.getTimer()).isEqualTo(minutes(20));
    }

    @Test
    void theFoldedIncidentIsStoredAsAPojo() throws Exception {
        assertThat(LifecycleStateDescriptors.FOLDED_TYPE).isInstanceOf(PojoTypeInfo.class);
        List<UnifiedEvent> records =
                List.of(
                        TestEvents.police("J1", "RECEIVED", minutes(0))
                                .category("FIRE_SAFETY", "火灾")
                                .location(30.6, 121.09)
                                .build(),
                        TestEvents.police("J1", "DISPATCHED", minutes(2)).unit("当湖所").build(),
                        TestEvents.police("J1", "CANCELLED", minutes(5)).build());
        FoldedIncident folded = IncidentFold.folded("110-J1", records);

        FoldedIncident copy =
                roundTrip(
                        LifecycleStateDescriptors.FOLDED_TYPE.createSerializer(
                                withoutGenericTypes()),
                        folded);

        assertThat(copy).isEqualTo(folded);
        assertThat(copy.state("110-J1")).isEqualTo(IncidentFold.fold("110-J1", records));
    }

    @Test
    void aSummaryIsStoredAsACompactPojo() throws Exception {
        assertThat(LifecycleStateDescriptors.SUMMARY_TYPE).isInstanceOf(PojoTypeInfo.class);
        List<UnifiedEvent> records =
                List.of(
                        TestEvents.hotline("PH1", "CREATE", minutes(0))
                                .category("LABOUR", "劳动保障")
                                .build(),
                        TestEvents.hotline("PH1", "ASSIGN", minutes(2)).unit("新仓镇劳动所").build(),
                        TestEvents.hotline("PH1", "ARRIVE", minutes(5)).build(),
                        TestEvents.hotline("PH1", "REPLY", minutes(20)).build(),
                        TestEvents.hotline("PH1", "CLOSE", minutes(30)).build());
        IncidentState state = IncidentFold.fold("12345-PH1", records);
        IncidentSummary summary =
                IncidentSummary.of(
                        state,
                        SlaEvaluator.evaluate(state.slaInput(), 600_000, minutes(60)),
                        records,
                        minutes(60));
        TypeSerializer<IncidentSummary> serializer =
                LifecycleStateDescriptors.SUMMARY_TYPE.createSerializer(withoutGenericTypes());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(summary, out);
        System.out.printf("summary of a five-record incident: %d bytes%n", out.length());

        IncidentSummary copy = roundTrip(serializer, summary);
        assertThat(copy.state("12345-PH1")).isEqualTo(state);
        assertThat(copy.fingerprint()).isEqualTo(summary.fingerprint());
        assertThat(out.length()).isLessThan(400);
    }
}
