package org.pingzhi.jobs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.rules.RuleInputs.MINUTE;
import static org.pingzhi.jobs.rules.RuleInputs.NO_WATERMARK;
import static org.pingzhi.jobs.rules.RuleInputs.at;
import static org.pingzhi.jobs.rules.RuleInputs.types;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.jobs.rules.EpisodeEvent.Type;

class BacklogEpisodesTest {

    /** More than 2 open for 3 minutes. */
    private static BacklogEpisodes moreThanTwoFor3Minutes() {
        return new BacklogEpisodes(List.of("330482001"), 2, Duration.ofMinutes(3));
    }

    private static void open(BacklogEpisodes backlog, long from, Long until) {
        assertThat(backlog.change(null, new OpenInterval(from, until), NO_WATERMARK)).isTrue();
    }

    @Test
    void firesWhenTheCountStaysAboveTheThresholdForTheDuration() {
        BacklogEpisodes backlog = moreThanTwoFor3Minutes();
        open(backlog, at(MINUTE), null);
        open(backlog, at(MINUTE), null);
        open(backlog, at(MINUTE), null);

        assertThat(backlog.advanceTo(at(4 * MINUTE) - 1)).isEmpty();
        List<EpisodeEvent> events = backlog.advanceTo(at(4 * MINUTE));

        assertThat(types(events)).containsExactly(Type.FIRED);
        RuleEpisode fired = events.get(0).episode();
        assertThat(fired.start()).isEqualTo(at(MINUTE));
        assertThat(fired.firedAt()).isEqualTo(at(4 * MINUTE));
        assertThat(fired.windowStart()).isEqualTo(at(MINUTE));
        assertThat(fired.windowEnd()).isEqualTo(at(4 * MINUTE));
        assertThat(fired.count()).isEqualTo(3L);
        assertThat(fired.townCode()).isEqualTo("330482001");
    }

    @Test
    void aRunEndingJustBeforeTheDurationDoesNotFire() {
        BacklogEpisodes backlog = moreThanTwoFor3Minutes();
        open(backlog, at(MINUTE), null);
        open(backlog, at(MINUTE), null);
        open(backlog, at(MINUTE), at(4 * MINUTE));

        assertThat(backlog.advanceTo(at(10 * MINUTE))).isEmpty();
        assertThat(backlog.isEmpty()).isFalse();
    }

    @Test
    void reportedExactlyAtAMinuteEndIsOpenThereAndEndedExactlyThereIsNot() {
        BacklogEpisodes backlog = moreThanTwoFor3Minutes();
        open(backlog, at(MINUTE), null);
        open(backlog, at(MINUTE), null);
        // open at 1:00 (reported exactly then), no longer at 4:00 (ended exactly then)
        open(backlog, at(MINUTE), at(4 * MINUTE));
        open(backlog, at(4 * MINUTE), null);

        List<EpisodeEvent> events = backlog.advanceTo(at(4 * MINUTE));

        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().start()).isEqualTo(at(MINUTE));
    }

    @Test
    void onlyMinuteEndsCount() {
        BacklogEpisodes backlog = moreThanTwoFor3Minutes();
        open(backlog, at(MINUTE) + 1, null);
        open(backlog, at(MINUTE) + 1, null);
        open(backlog, at(MINUTE) + 1, null);
        // a dip between two minute ends is never seen
        open(backlog, at(10 * MINUTE), null);
        backlog.change(new OpenInterval(at(10 * MINUTE), null), null, NO_WATERMARK);

        List<EpisodeEvent> events = backlog.advanceTo(at(5 * MINUTE));

        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().start()).isEqualTo(at(2 * MINUTE));
        assertThat(events.get(0).episode().firedAt()).isEqualTo(at(5 * MINUTE));
    }

    @Test
    void isResolvedAtTheFirstMinuteEndAtOrBelowTheThresholdWithTheRunsHighestAndLastMinute() {
        BacklogEpisodes backlog = moreThanTwoFor3Minutes();
        open(backlog, at(MINUTE), at(9 * MINUTE) + 1);
        open(backlog, at(MINUTE), null);
        open(backlog, at(MINUTE), null);
        open(backlog, at(5 * MINUTE), at(7 * MINUTE));

        assertThat(types(backlog.advanceTo(at(6 * MINUTE)))).containsExactly(Type.FIRED);
        List<EpisodeEvent> later = backlog.advanceTo(at(20 * MINUTE));

        assertThat(types(later)).containsExactly(Type.UPDATED, Type.RESOLVED);
        RuleEpisode resolved = later.get(1).episode();
        assertThat(resolved.resolvedAt()).isEqualTo(at(10 * MINUTE));
        assertThat(resolved.windowEnd()).isEqualTo(at(9 * MINUTE));
        assertThat(resolved.count()).isEqualTo(4L);
        assertThat(resolved.start()).isEqualTo(at(MINUTE));
    }

    @Test
    void theWindowEndIsTheLastMinuteEndAtOrBeforeTheHorizon() {
        BacklogEpisodes backlog = moreThanTwoFor3Minutes();
        for (int i = 0; i < 3; i++) {
            open(backlog, at(MINUTE), null);
        }

        List<EpisodeEvent> events = backlog.advanceTo(at(7 * MINUTE) + 30_000);

        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().windowEnd()).isEqualTo(at(7 * MINUTE));
        assertThat(events.get(0).episode().resolvedAt()).isNull();
        assertThat(backlog.nextWakeUp()).isEqualTo(at(8 * MINUTE));
    }

    @Test
    void anEndLearnedLaterMovesTheIncidentOut() {
        BacklogEpisodes backlog = moreThanTwoFor3Minutes();
        for (int i = 0; i < 3; i++) {
            open(backlog, at(MINUTE), null);
        }
        backlog.advanceTo(at(2 * MINUTE));

        assertThat(
                        backlog.change(
                                new OpenInterval(at(MINUTE), null),
                                new OpenInterval(at(MINUTE), at(3 * MINUTE)),
                                NO_WATERMARK))
                .isTrue();

        assertThat(backlog.advanceTo(at(10 * MINUTE))).isEmpty();
    }

    @Test
    void anIncidentEndedBeforeItWasReportedIsNeverOpen() {
        BacklogEpisodes backlog =
                new BacklogEpisodes(List.of("330482001"), 0, Duration.ofMinutes(1));
        open(backlog, at(5 * MINUTE), at(2 * MINUTE));

        assertThat(backlog.advanceTo(at(10 * MINUTE))).isEmpty();
        assertThat(backlog.isEmpty()).isTrue();
    }

    @Test
    void aThresholdOfZeroFiresOnASingleOpenIncident() {
        BacklogEpisodes backlog =
                new BacklogEpisodes(List.of("330482001"), 0, Duration.ofMinutes(1));
        open(backlog, at(MINUTE), at(3 * MINUTE));

        List<EpisodeEvent> events = backlog.advanceTo(at(10 * MINUTE));

        assertThat(types(events)).containsExactly(Type.FIRED, Type.RESOLVED);
        assertThat(events.get(1).episode().resolvedAt()).isEqualTo(at(3 * MINUTE));
        assertThat(backlog.isEmpty()).isTrue();
    }

    /** Late, but not lost: from the next minute end on. */
    @Test
    void aChangeOfAMinuteEndAlreadyWalkedCountsFromTheNextOne() {
        BacklogEpisodes backlog = moreThanTwoFor3Minutes();
        open(backlog, at(MINUTE), null);
        backlog.advanceTo(at(5 * MINUTE));

        assertThat(
                        backlog.change(
                                new OpenInterval(at(MINUTE), null),
                                new OpenInterval(at(MINUTE), at(5 * MINUTE)),
                                NO_WATERMARK))
                .isFalse();
        assertThat(backlog.advanceTo(at(6 * MINUTE))).isEmpty();
        assertThat(backlog.isEmpty()).isTrue();
    }

    @Test
    void aChangeOfAMinuteEndEventTimeHasPassedCountsFromTheNextOne() {
        BacklogEpisodes backlog =
                new BacklogEpisodes(List.of("330482001"), 0, Duration.ofMinutes(1));

        assertThat(backlog.change(null, new OpenInterval(at(MINUTE), null), at(10 * MINUTE) + 1))
                .isFalse();
        List<EpisodeEvent> events = backlog.advanceTo(at(12 * MINUTE));

        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().start()).isEqualTo(at(11 * MINUTE));
    }
}
