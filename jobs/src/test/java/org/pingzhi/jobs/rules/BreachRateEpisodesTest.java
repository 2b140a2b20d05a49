package org.pingzhi.jobs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.rules.RuleInputs.HOUR;
import static org.pingzhi.jobs.rules.RuleInputs.MINUTE;
import static org.pingzhi.jobs.rules.RuleInputs.NO_WATERMARK;
import static org.pingzhi.jobs.rules.RuleInputs.at;
import static org.pingzhi.jobs.rules.RuleInputs.decision;
import static org.pingzhi.jobs.rules.RuleInputs.types;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.rules.EpisodeEvent.Type;

class BreachRateEpisodesTest {

    private static BreachRateEpisodes breachRate(String threshold, int minDecided) {
        return new BreachRateEpisodes(
                TestRules.breachRate(threshold, minDecided), List.of("330482001"));
    }

    /**
     * {@code breached} breached and {@code met} met decisions in the hour starting at {@code hour}.
     */
    private static void addHour(BreachRateEpisodes rate, long hour, int breached, int met) {
        for (int i = 0; i < breached + met; i++) {
            rate.add(
                    decision("110-" + hour + "-" + i, hour + i * MINUTE, i < breached),
                    NO_WATERMARK);
        }
    }

    @Test
    void aWindowBreachingHalfOfItsDecisionsFiresAtItsEnd() {
        BreachRateEpisodes rate = breachRate("0.5", 4);
        addHour(rate, at(HOUR), 2, 2);

        assertThat(rate.advanceTo(at(2 * HOUR) - 1)).isEmpty();
        List<EpisodeEvent> events = rate.advanceTo(at(2 * HOUR));

        assertThat(types(events)).containsExactly(Type.FIRED);
        RuleEpisode fired = events.get(0).episode();
        assertThat(fired.start()).isEqualTo(at(HOUR));
        assertThat(fired.firedAt()).isEqualTo(at(2 * HOUR));
        assertThat(fired.windowStart()).isEqualTo(at(HOUR));
        assertThat(fired.windowEnd()).isEqualTo(at(2 * HOUR));
        assertThat(fired.count()).isEqualTo(2L);
        assertThat(fired.townCode()).isEqualTo("330482001");
        assertThat(fired.category()).isNull();
        assertThat(fired.incidentIds()).isEmpty();
    }

    @Test
    void justUnderTheRateOrTheMinimumDoesNotFire() {
        BreachRateEpisodes underRate = breachRate("0.5", 4);
        addHour(underRate, at(HOUR), 2, 3);
        BreachRateEpisodes underMinimum = breachRate("0.5", 4);
        addHour(underMinimum, at(HOUR), 3, 0);

        assertThat(underRate.advanceTo(at(3 * HOUR))).isEmpty();
        assertThat(underMinimum.advanceTo(at(3 * HOUR))).isEmpty();
    }

    @Test
    void theRateIsComparedExactly() {
        // 0.3 * 10 is 3 exactly; in doubles it is 3.0000000000000004 and 3 breaches would not do
        BreachRateEpisodes rate = breachRate("0.3", 1);
        addHour(rate, at(HOUR), 3, 7);

        assertThat(types(rate.advanceTo(at(2 * HOUR)))).containsExactly(Type.FIRED);
    }

    @Test
    void aDecisionAtAWindowsEndBelongsToTheNextWindow() {
        BreachRateEpisodes rate = breachRate("1", 1);
        rate.add(decision("110-a", at(HOUR) - 1, false), NO_WATERMARK);
        rate.add(decision("110-b", at(HOUR), true), NO_WATERMARK);

        List<EpisodeEvent> events = rate.advanceTo(at(2 * HOUR));

        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().windowStart()).isEqualTo(at(HOUR));
    }

    @Test
    void consecutiveFiringWindowsAreOneEpisodeResolvedAtTheEndOfTheFirstThatDoesNotFire() {
        BreachRateEpisodes rate = breachRate("0.5", 2);
        addHour(rate, at(HOUR), 2, 0);
        addHour(rate, at(2 * HOUR), 1, 1);
        addHour(rate, at(3 * HOUR), 1, 2);

        List<EpisodeEvent> events = rate.advanceTo(at(4 * HOUR));

        assertThat(types(events)).containsExactly(Type.FIRED, Type.RESOLVED);
        RuleEpisode resolved = events.get(1).episode();
        assertThat(resolved.start()).isEqualTo(at(HOUR));
        assertThat(resolved.windowEnd()).isEqualTo(at(3 * HOUR));
        assertThat(resolved.count()).isEqualTo(3L);
        assertThat(resolved.resolvedAt()).isEqualTo(at(4 * HOUR));
    }

    @Test
    void aWindowWithoutDecisionsEndsTheEpisode() {
        BreachRateEpisodes rate = breachRate("0.5", 1);
        addHour(rate, at(HOUR), 1, 0);
        rate.advanceTo(at(2 * HOUR));

        assertThat(rate.nextWakeUp()).isEqualTo(at(3 * HOUR));
        List<EpisodeEvent> events = rate.advanceTo(at(3 * HOUR));
        assertThat(types(events)).containsExactly(Type.RESOLVED);
        assertThat(events.get(0).episode().resolvedAt()).isEqualTo(at(3 * HOUR));
        assertThat(rate.isEmpty()).isTrue();
    }

    @Test
    void aLaterFiringWindowAfterAGapIsANewEpisode() {
        BreachRateEpisodes rate = breachRate("0.5", 1);
        addHour(rate, at(HOUR), 1, 0);
        addHour(rate, at(3 * HOUR), 1, 0);

        List<EpisodeEvent> events = rate.advanceTo(at(4 * HOUR));

        assertThat(types(events)).containsExactly(Type.FIRED, Type.RESOLVED, Type.FIRED);
        assertThat(events.get(2).episode().start()).isEqualTo(at(3 * HOUR));
    }

    @Test
    void refusesADecisionOfAWindowAlreadyJudged() {
        BreachRateEpisodes rate = breachRate("0.5", 1);
        rate.advanceTo(at(HOUR));

        assertThat(rate.add(decision("110-a", at(HOUR) - 1, true), NO_WATERMARK)).isFalse();
        assertThat(rate.add(decision("110-b", at(HOUR), true), NO_WATERMARK)).isTrue();
    }

    @Test
    void refusesADecisionOfAWindowEventTimeHasPassedThoughNeverWalked() {
        BreachRateEpisodes rate = breachRate("0.5", 1);

        assertThat(rate.add(decision("110-a", at(2 * HOUR) - 1, true), at(2 * HOUR))).isFalse();
        assertThat(rate.isEmpty()).isTrue();
    }
}
