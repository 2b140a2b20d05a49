package org.pingzhi.jobs.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.T0;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.lifecycle.IncidentFold;
import org.pingzhi.jobs.lifecycle.IncidentState;

class SlaEvaluatorTest {

    private static final long TARGET = 10 * MINUTE;
    private static final long WARN_AT = T0 + 8 * MINUTE;
    private static final long DEADLINE = T0 + TARGET;
    private static final long CITY_AT = T0 + 2 * TARGET;
    private static final long LATER = T0 + 60 * MINUTE;

    /** A 110 incident reported at T0, responded and cancelled at the given instants (or never). */
    private static IncidentState incident(Long respondedAt, Long cancelledAt) {
        List<UnifiedEvent> records = new ArrayList<>();
        records.add(police("J1", "RECEIVED", T0).build());
        if (respondedAt != null) {
            records.add(police("J1", "ARRIVED", respondedAt).build());
        }
        if (cancelledAt != null) {
            records.add(police("J1", "CANCELLED", cancelledAt).build());
        }
        return IncidentFold.fold("110-J1", records);
    }

    private static SlaOutcome evaluate(Long respondedAt, Long cancelledAt, long now) {
        return SlaEvaluator.evaluate(incident(respondedAt, cancelledAt).slaInput(), TARGET, now);
    }

    @Test
    void theClockRunsFromTheReport() {
        SlaTimeline timeline = new SlaTimeline(T0, TARGET);

        assertThat(timeline.warnAt()).isEqualTo(WARN_AT);
        assertThat(timeline.deadline()).isEqualTo(DEADLINE);
        assertThat(timeline.cityAt()).isEqualTo(CITY_AT);
        assertThat(timeline.targetSeconds()).isEqualTo(600);
    }

    @Test
    void nothingHoldsBeforeTimeMoves() {
        SlaOutcome outcome = evaluate(null, null, Long.MIN_VALUE);

        assertThat(outcome.status()).isEqualTo(SlaStatus.PENDING);
        assertThat(outcome.facts()).isEmpty();
        assertThat(outcome.responseSeconds()).isNull();
        assertThat(outcome.escalationLevel()).isEqualTo(EscalationLevel.NONE);
        assertThat(outcome.nextInstant()).hasValue(WARN_AT);
    }

    @Test
    void aResponseJustBeforeTheDeadlineMeetsItAsSoonAsItIsKnown() {
        SlaOutcome outcome = evaluate(DEADLINE - 1, null, Long.MIN_VALUE);

        assertThat(outcome.status()).isEqualTo(SlaStatus.MET);
        assertThat(outcome.facts()).isEqualTo(Map.of(SlaFact.MET, DEADLINE - 1));
        assertThat(outcome.responseSeconds()).isEqualTo(599.999);
        assertThat(outcome.nextInstant()).hasValue(WARN_AT);
    }

    @Test
    void aResponseExactlyAtTheDeadlineMeetsIt() {
        SlaOutcome outcome = evaluate(DEADLINE, null, LATER);

        assertThat(outcome.status()).isEqualTo(SlaStatus.MET);
        assertThat(outcome.facts()).containsOnlyKeys(SlaFact.MET, SlaFact.WARNING);
        assertThat(outcome.responseSeconds()).isEqualTo(600.0);
        assertThat(outcome.escalationLevel()).isEqualTo(EscalationLevel.NONE);
        assertThat(outcome.nextInstant()).isEmpty();
    }

    @Test
    void aResponseJustAfterTheDeadlineIsABreachWithTheRealResponseTime() {
        SlaOutcome outcome = evaluate(DEADLINE + 1, null, LATER);

        assertThat(outcome.status()).isEqualTo(SlaStatus.BREACHED);
        assertThat(outcome.facts())
                .isEqualTo(
                        Map.of(
                                SlaFact.WARNING, WARN_AT,
                                SlaFact.BREACH, DEADLINE,
                                SlaFact.ESCALATED_TOWN, DEADLINE));
        assertThat(outcome.responseSeconds()).isEqualTo(600.001);
        assertThat(outcome.escalationLevel()).isEqualTo(EscalationLevel.TOWN);
    }

    @Test
    void aBreachIsAFactOfTimeNotOfTheResponseRecord() {
        SlaOutcome outcome = evaluate(DEADLINE + 1, null, DEADLINE - 1);

        assertThat(outcome.status()).isEqualTo(SlaStatus.PENDING);
        assertThat(outcome.facts()).containsOnlyKeys(SlaFact.WARNING);
        assertThat(outcome.nextInstant()).hasValue(DEADLINE);
    }

    @Test
    void theWarningComesAtEightyPercent() {
        assertThat(evaluate(null, null, WARN_AT - 1).facts()).isEmpty();
        assertThat(evaluate(null, null, WARN_AT - 1).nextInstant()).hasValue(WARN_AT);
        assertThat(evaluate(null, null, WARN_AT).facts())
                .isEqualTo(Map.of(SlaFact.WARNING, WARN_AT));
        assertThat(evaluate(null, null, WARN_AT).nextInstant()).hasValue(DEADLINE);
    }

    @Test
    void aResponseOrCancellationAtTheWarningInstantPreventsTheWarning() {
        assertThat(evaluate(WARN_AT, null, LATER).facts()).doesNotContainKey(SlaFact.WARNING);
        assertThat(evaluate(null, WARN_AT, LATER).facts()).doesNotContainKey(SlaFact.WARNING);
        assertThat(evaluate(WARN_AT + 1, null, LATER).facts())
                .containsEntry(SlaFact.WARNING, WARN_AT);
    }

    @Test
    void atTheDeadlineAnUnrespondedIncidentIsBreachedAndEscalatedToItsTown() {
        assertThat(evaluate(null, null, DEADLINE - 1).status()).isEqualTo(SlaStatus.PENDING);

        SlaOutcome outcome = evaluate(null, null, DEADLINE);

        assertThat(outcome.status()).isEqualTo(SlaStatus.BREACHED);
        assertThat(outcome.factAt(SlaFact.BREACH)).isEqualTo(DEADLINE);
        assertThat(outcome.factAt(SlaFact.ESCALATED_TOWN)).isEqualTo(DEADLINE);
        assertThat(outcome.escalationLevel()).isEqualTo(EscalationLevel.TOWN);
        assertThat(outcome.responseSeconds()).isNull();
        assertThat(outcome.nextInstant()).hasValue(CITY_AT);
    }

    @Test
    void atTwiceTheTargetItEscalatesToTheCity() {
        SlaOutcome outcome = evaluate(null, null, CITY_AT);

        assertThat(outcome.factAt(SlaFact.ESCALATED_CITY)).isEqualTo(CITY_AT);
        assertThat(outcome.escalationLevel()).isEqualTo(EscalationLevel.CITY);
        assertThat(outcome.nextInstant()).isEmpty();
        assertThat(evaluate(null, null, CITY_AT - 1).escalationLevel())
                .isEqualTo(EscalationLevel.TOWN);
    }

    @Test
    void aResponseAtExactlyTheCityStepPreventsIt() {
        SlaOutcome atStep = evaluate(CITY_AT, null, LATER);
        SlaOutcome after = evaluate(CITY_AT + 1, null, LATER);

        assertThat(atStep.escalationLevel()).isEqualTo(EscalationLevel.TOWN);
        assertThat(atStep.status()).isEqualTo(SlaStatus.BREACHED);
        assertThat(atStep.responseSeconds()).isEqualTo(1200.0);
        assertThat(after.escalationLevel()).isEqualTo(EscalationLevel.CITY);
    }

    @Test
    void aCancellationBeforeTheDeadlineVoidsTheSla() {
        SlaOutcome outcome = evaluate(null, T0 + 9 * MINUTE, LATER);

        assertThat(outcome.status()).isEqualTo(SlaStatus.VOID);
        assertThat(outcome.responseSeconds()).isNull();
        assertThat(outcome.facts())
                .as("the warning had come")
                .isEqualTo(Map.of(SlaFact.WARNING, WARN_AT));
        assertThat(outcome.escalationLevel()).isEqualTo(EscalationLevel.NONE);
        assertThat(outcome.nextInstant()).isEmpty();
        assertThat(evaluate(null, T0 + 9 * MINUTE, Long.MIN_VALUE).status())
                .as("decided by the record")
                .isEqualTo(SlaStatus.VOID);
    }

    @Test
    void aCancellationAtExactlyTheDeadlineVoidsIt() {
        SlaOutcome outcome = evaluate(null, DEADLINE, LATER);

        assertThat(outcome.status()).isEqualTo(SlaStatus.VOID);
        assertThat(outcome.facts()).doesNotContainKey(SlaFact.BREACH);
    }

    @Test
    void aCancellationBeforeALaterResponseVoidsIt() {
        SlaOutcome outcome = evaluate(T0 + 7 * MINUTE, T0 + 5 * MINUTE, LATER);

        assertThat(outcome.status()).isEqualTo(SlaStatus.VOID);
        assertThat(outcome.responseSeconds()).isNull();
        assertThat(outcome.facts()).isEmpty();
    }

    @Test
    void aCancellationAfterTheResponseChangesNothing() {
        SlaOutcome outcome = evaluate(T0 + 5 * MINUTE, T0 + 7 * MINUTE, LATER);

        assertThat(outcome.status()).isEqualTo(SlaStatus.MET);
        assertThat(outcome.responseSeconds()).isEqualTo(300.0);
    }

    @Test
    void aCancellationAfterTheDeadlineKeepsTheBreachAndTheEscalationsReached() {
        SlaOutcome beforeCity = evaluate(null, DEADLINE + MINUTE, LATER);
        SlaOutcome afterCity = evaluate(null, CITY_AT + MINUTE, LATER);
        SlaOutcome atCity = evaluate(null, CITY_AT, LATER);

        assertThat(beforeCity.status()).isEqualTo(SlaStatus.BREACHED);
        assertThat(beforeCity.escalationLevel()).isEqualTo(EscalationLevel.TOWN);
        assertThat(beforeCity.responseSeconds()).isNull();
        assertThat(beforeCity.nextInstant()).isEmpty();
        assertThat(afterCity.escalationLevel()).isEqualTo(EscalationLevel.CITY);
        assertThat(atCity.escalationLevel()).isEqualTo(EscalationLevel.TOWN);
    }

    @Test
    void aLateResponseLeavesTheIncidentBreached() {
        SlaOutcome outcome = evaluate(T0 + 13 * MINUTE + 30_000, null, LATER);

        assertThat(outcome.status()).isEqualTo(SlaStatus.BREACHED);
        assertThat(outcome.responseSeconds()).isEqualTo(810.0);
        assertThat(outcome.stoppedAt()).isEqualTo(T0 + 13 * MINUTE + 30_000);
    }

    @Test
    void nothingMoreCanHappenOnceTheClockStopped() {
        assertThat(evaluate(T0 + MINUTE, null, Long.MIN_VALUE).nextInstant())
                .isEqualTo(OptionalLong.empty());
        assertThat(evaluate(T0 + 9 * MINUTE, null, Long.MIN_VALUE).nextInstant()).hasValue(WARN_AT);
    }
}
