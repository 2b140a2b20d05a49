package org.pingzhi.jobs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.rules.RuleInputs.DAY;
import static org.pingzhi.jobs.rules.RuleInputs.HOUR;
import static org.pingzhi.jobs.rules.RuleInputs.MINUTE;
import static org.pingzhi.jobs.rules.RuleInputs.NO_WATERMARK;
import static org.pingzhi.jobs.rules.RuleInputs.at;
import static org.pingzhi.jobs.rules.RuleInputs.incident;
import static org.pingzhi.jobs.rules.RuleInputs.types;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.rules.Baseline;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.common.rules.SurgeRule;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.rules.EpisodeEvent.Type;

class SurgeEpisodesTest {

    private static final List<String> GROUP = List.of("330482001");

    private static SurgeRule rule(String factor, int minCount, Baseline baseline, Duration window) {
        return TestRules.surge(factor, minCount, baseline, window);
    }

    private static SurgeEpisodes hourlyAgainstTwoPrevious(String factor, int minCount) {
        return new SurgeEpisodes(
                rule(factor, minCount, new Baseline.PreviousWindows(2), Duration.ofHours(1)),
                GROUP,
                at(0));
    }

    /** {@code n} incidents in the hour starting at {@code hourStart}, a minute apart. */
    private static void addHour(SurgeEpisodes surge, String prefix, long hourStart, int n) {
        for (int i = 0; i < n; i++) {
            surge.add(incident(prefix + i, hourStart + i * MINUTE), NO_WATERMARK);
        }
    }

    @Test
    void aWindowReachingTheFactorTimesItsBaselineFiresAtTheIncidentThatBringsItThere() {
        SurgeEpisodes surge = hourlyAgainstTwoPrevious("1.5", 2);
        addHour(surge, "12345-h0-", at(0), 2);
        addHour(surge, "12345-h1-", at(HOUR), 2);
        // baseline sum 4 over 2 windows: the target is max(2, ceil(1.5 * 4 / 2)) = 3
        addHour(surge, "12345-h2-", at(2 * HOUR), 3);

        List<EpisodeEvent> events = surge.advanceTo(at(2 * HOUR + 30 * MINUTE));

        assertThat(types(events)).containsExactly(Type.FIRED);
        RuleEpisode fired = events.get(0).episode();
        assertThat(fired.firedAt()).isEqualTo(at(2 * HOUR + 2 * MINUTE));
        assertThat(fired.start()).isEqualTo(at(2 * HOUR));
        assertThat(fired.windowStart()).isEqualTo(at(2 * HOUR));
        assertThat(fired.windowEnd()).isEqualTo(at(3 * HOUR));
        assertThat(fired.count()).isEqualTo(3L);
        assertThat(fired.incidentIds()).containsExactly("12345-h2-0", "12345-h2-1", "12345-h2-2");
    }

    @Test
    void aWindowJustUnderTheTargetDoesNotFire() {
        SurgeEpisodes surge = hourlyAgainstTwoPrevious("1.5", 2);
        addHour(surge, "12345-h0-", at(0), 2);
        addHour(surge, "12345-h1-", at(HOUR), 2);
        addHour(surge, "12345-h2-", at(2 * HOUR), 2);

        assertThat(surge.advanceTo(at(5 * HOUR))).isEmpty();
    }

    @Test
    void theTargetIsTheExactCeilingOfTheDecimalFactor() {
        // 1.1 * 50 is 55 exactly; in doubles it is 55.00000000000001, whose ceiling is 56
        SurgeEpisodes surge =
                new SurgeEpisodes(
                        rule("1.1", 1, new Baseline.PreviousWindows(1), Duration.ofHours(1)),
                        GROUP,
                        at(0));
        addHour(surge, "12345-h0-", at(0), 50);
        addHour(surge, "12345-h1-", at(HOUR), 55);

        List<EpisodeEvent> events = surge.advanceTo(at(2 * HOUR) - 1);

        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().firedAt()).isEqualTo(at(HOUR + 54 * MINUTE));
    }

    @Test
    void theMinimumCountAppliesOverAnEmptyBaseline() {
        SurgeEpisodes surge = hourlyAgainstTwoPrevious("2", 3);
        surge.add(incident("12345-first", at(0)), NO_WATERMARK);
        addHour(surge, "12345-h2-", at(2 * HOUR), 3);

        List<EpisodeEvent> events = surge.advanceTo(at(2 * HOUR + 30 * MINUTE));

        // baseline: window 0 holds one incident: target max(3, ceil(2 * 1 / 2)) = 3
        assertThat(events.get(0).episode().firedAt()).isEqualTo(at(2 * HOUR + 2 * MINUTE));
    }

    @Test
    void aWindowWhoseBaselineReachesBeforeTheHistoryIsNotJudged() {
        SurgeEpisodes surge = hourlyAgainstTwoPrevious("1.5", 1);
        addHour(surge, "12345-h1-", at(HOUR), 30);

        assertThat(surge.advanceTo(at(3 * HOUR))).isEmpty();
    }

    @Test
    void theHistoryStartsAtTheWindowOfTheEarliestIncidentSeen() {
        SurgeEpisodes surge =
                new SurgeEpisodes(
                        rule("1.5", 1, new Baseline.PreviousWindows(2), Duration.ofHours(1)),
                        GROUP,
                        at(59 * MINUTE));
        addHour(surge, "12345-h2-", at(2 * HOUR), 1);
        addHour(surge, "12345-h3-", at(3 * HOUR), 1);

        List<EpisodeEvent> events = surge.advanceTo(at(3 * HOUR + 30 * MINUTE));

        // 0:59 lies in the window starting at 0:00, so window 2:00 (baseline 0:00 and 1:00) is
        // judged
        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().firedAt()).isEqualTo(at(2 * HOUR));
    }

    @Test
    void consecutiveSurgingWindowsAreOneEpisodeResolvedAtTheEndOfTheFirstQuietOne() {
        SurgeEpisodes surge = hourlyAgainstTwoPrevious("1.5", 2);
        addHour(surge, "12345-h0-", at(0), 2);
        addHour(surge, "12345-h1-", at(HOUR), 2);
        addHour(surge, "12345-h2-", at(2 * HOUR), 4);
        // window 3h: baseline 2 + 4 = 6, target ceil(1.5 * 6 / 2) = 5
        addHour(surge, "12345-h3-", at(3 * HOUR), 5);
        // window 4h: baseline 4 + 5 = 9, target ceil(6.75) = 7: 6 does not surge
        addHour(surge, "12345-h4-", at(4 * HOUR), 6);

        List<EpisodeEvent> events = surge.advanceTo(at(4 * HOUR) + HOUR - 1);
        assertThat(types(events)).containsExactly(Type.FIRED);
        RuleEpisode fired = events.get(0).episode();
        assertThat(fired.windowEnd()).isEqualTo(at(4 * HOUR));
        assertThat(fired.count()).isEqualTo(9L);
        assertThat(fired.firedAt()).isEqualTo(at(2 * HOUR + 2 * MINUTE));

        List<EpisodeEvent> resolved = surge.advanceTo(at(5 * HOUR));
        assertThat(types(resolved)).containsExactly(Type.RESOLVED);
        assertThat(resolved.get(0).episode().resolvedAt()).isEqualTo(at(5 * HOUR));
        assertThat(resolved.get(0).episode().start()).isEqualTo(at(2 * HOUR));
    }

    @Test
    void anEpisodeIsResolvedAtTheEndOfAnEmptyNextWindowAndNotBefore() {
        SurgeEpisodes surge = hourlyAgainstTwoPrevious("1.5", 2);
        addHour(surge, "12345-h0-", at(0), 2);
        addHour(surge, "12345-h1-", at(HOUR), 2);
        addHour(surge, "12345-h2-", at(2 * HOUR), 3);

        assertThat(types(surge.advanceTo(at(4 * HOUR) - 1))).containsExactly(Type.FIRED);
        assertThat(surge.nextWakeUp()).isEqualTo(at(4 * HOUR));
        List<EpisodeEvent> resolved = surge.advanceTo(at(4 * HOUR));
        assertThat(resolved.get(0).episode().resolvedAt()).isEqualTo(at(4 * HOUR));
    }

    @Test
    void countsEveryIncidentOfTheEpisodesWindowsButListsTheFirst100() {
        SurgeEpisodes surge = hourlyAgainstTwoPrevious("1.5", 2);
        surge.add(incident("12345-first", at(0)), NO_WATERMARK);
        for (int i = 0; i < 150; i++) {
            surge.add(
                    incident(String.format("12345-h2-%03d", i), at(2 * HOUR) + i * 1000L),
                    NO_WATERMARK);
        }

        RuleEpisode fired = surge.advanceTo(at(3 * HOUR) - 1).get(0).episode();

        assertThat(fired.count()).isEqualTo(150L);
        assertThat(fired.incidentIds())
                .hasSize(100)
                .startsWith("12345-h2-000")
                .endsWith("12345-h2-099");
    }

    @Test
    void tiesInReportedAtAreOrderedByIncidentId() {
        SurgeEpisodes surge = hourlyAgainstTwoPrevious("1.5", 2);
        surge.add(incident("12345-first", at(0)), NO_WATERMARK);
        surge.add(incident("12345-c", at(2 * HOUR + MINUTE)), NO_WATERMARK);
        surge.add(incident("12345-b", at(2 * HOUR + MINUTE)), NO_WATERMARK);
        surge.add(
                incident("12345-a", at(2 * HOUR + 2 * MINUTE), "330482100", "TRAFFIC"),
                NO_WATERMARK);

        RuleEpisode fired = surge.advanceTo(at(3 * HOUR)).get(0).episode();

        assertThat(fired.incidentIds()).containsExactly("12345-b", "12345-c", "12345-a");
        assertThat(fired.firedAt()).isEqualTo(at(2 * HOUR + MINUTE));
    }

    @Test
    void theSameTimeOfDayBaselineLooksAtTheSameHourOnPreviousDays() {
        SurgeEpisodes surge =
                new SurgeEpisodes(
                        rule("2", 2, new Baseline.SameTimeOfDay(2), Duration.ofHours(1)),
                        GROUP,
                        at(0));
        addHour(surge, "12345-d0-", at(9 * HOUR), 2);
        addHour(surge, "12345-d1-", at(DAY + 9 * HOUR), 2);
        // other hours of the previous days do not count
        addHour(surge, "12345-d1-other-", at(DAY + 10 * HOUR), 20);
        // target: max(2, ceil(2 * 4 / 2)) = 4
        addHour(surge, "12345-d2-", at(2 * DAY + 9 * HOUR), 4);

        List<EpisodeEvent> events = surge.advanceTo(at(2 * DAY + 9 * HOUR + 30 * MINUTE));

        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().firedAt())
                .isEqualTo(at(2 * DAY + 9 * HOUR + 3 * MINUTE));
    }

    @Test
    void windowsAreAlignedToLocalMidnight() {
        assertThat(TumblingWindows.start(at(9 * HOUR + 5 * MINUTE), 8 * HOUR))
                .isEqualTo(at(8 * HOUR));
        assertThat(TumblingWindows.start(at(0), DAY)).isEqualTo(at(0));
        assertThat(TumblingWindows.start(at(0) - 1, DAY)).isEqualTo(at(-DAY));
        assertThat(TumblingWindows.start(at(90 * MINUTE), 90 * MINUTE)).isEqualTo(at(90 * MINUTE));
    }

    @Test
    void aQuietGroupBecomesEmpty() {
        SurgeEpisodes surge = hourlyAgainstTwoPrevious("1.5", 2);
        surge.add(incident("12345-a", at(0)), NO_WATERMARK);
        surge.advanceTo(at(HOUR));

        assertThat(surge.isEmpty()).isFalse();
        surge.advanceTo(surge.nextWakeUp());
        assertThat(surge.isEmpty()).isTrue();
    }
}
