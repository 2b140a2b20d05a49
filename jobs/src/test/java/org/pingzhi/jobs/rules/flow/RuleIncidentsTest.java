package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.jobs.lifecycle.IncidentFold;
import org.pingzhi.jobs.lifecycle.IncidentState;
import org.pingzhi.jobs.lifecycle.OutputDocuments;
import org.pingzhi.jobs.rules.RuleIncident;
import org.pingzhi.jobs.sla.SlaEvaluator;

class RuleIncidentsTest {

    private static final UnifiedEvent REPORT =
            police("J1", "RECEIVED", minutes(50))
                    .category("FIRE_SAFETY", "火灾")
                    .priority(Priority.P1)
                    .town("当湖街道")
                    .village("东湖村")
                    .grid("")
                    .callerKey("caller-key")
                    .build();

    private static IncidentDocument document(List<UnifiedEvent> records) {
        IncidentState state = IncidentFold.fold("110-J1", records);
        return OutputDocuments.incident(
                state, SlaEvaluator.evaluate(state.slaInput(), 10 * MINUTE, minutes(200)));
    }

    @Test
    void anIncidentIsSeenWithItsOwnSourceAndNoEmptyStrings() {
        assertThat(RuleIncidents.of(document(List.of(REPORT))))
                .isEqualTo(
                        new RuleIncident(
                                "110-J1",
                                minutes(50),
                                "330482001",
                                "东湖村",
                                null,
                                "FIRE_SAFETY",
                                "110",
                                "P1",
                                "caller-key",
                                null));
    }

    @Test
    void anIncidentEndsAtItsEarliestResolvedClosedOrCancelledTime() {
        UnifiedEvent resolved = police("J1", "FINISHED", minutes(80)).build();

        assertThat(RuleIncidents.of(document(List.of(REPORT, resolved))).endedAt())
                .isEqualTo(minutes(80));
    }
}
