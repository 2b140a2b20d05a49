package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
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
                        minutes(60)),
                new SlaEventChanged(
                        OutputDocuments.retraction(
                                state, sla, List.of(SlaFact.BREACH), minutes(61)),
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
}
