package org.pingzhi.jobs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.rules.RuleInputs.DAY;
import static org.pingzhi.jobs.rules.RuleInputs.HOUR;
import static org.pingzhi.jobs.rules.RuleInputs.MINUTE;
import static org.pingzhi.jobs.rules.RuleInputs.at;
import static org.pingzhi.jobs.rules.RuleInputs.types;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.rules.ActiveHours;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.rules.EpisodeEvent.Type;

class FeedSilenceEpisodesTest {

    private static FeedSilenceEpisodes silence(ActiveHours hours) {
        return new FeedSilenceEpisodes(TestRules.feedSilence(null, hours), List.of("110"));
    }

    private static ActiveHours hours(int fromHour, int fromMinute, int toHour, int toMinute) {
        return new ActiveHours(fromHour * 60 + fromMinute, toHour * 60 + toMinute);
    }

    @Test
    void firesAWindowAfterTheLastRecordAndIsResolvedByTheNext() {
        FeedSilenceEpisodes feed = silence(ActiveHours.ALL_DAY);
        long a = at(10 * HOUR);
        long b = a + 20 * MINUTE;
        feed.add(a);

        List<EpisodeEvent> fired = feed.advanceTo(a + 15 * MINUTE);
        assertThat(types(fired)).containsExactly(Type.FIRED);
        RuleEpisode silent = fired.get(0).episode();
        assertThat(silent.start()).isEqualTo(a + 15 * MINUTE);
        assertThat(silent.firedAt()).isEqualTo(a + 15 * MINUTE);
        assertThat(silent.windowStart()).isEqualTo(a);
        assertThat(silent.windowEnd()).isNull();
        assertThat(silent.count()).isNull();
        assertThat(silent.category()).isNull();
        assertThat(silent.group()).containsExactly("110");

        feed.add(b);
        List<EpisodeEvent> resolved = feed.advanceTo(b);
        assertThat(types(resolved)).containsExactly(Type.RESOLVED);
        assertThat(resolved.get(0).episode().windowEnd()).isEqualTo(b);
        assertThat(resolved.get(0).episode().resolvedAt()).isEqualTo(b);
        assertThat(resolved.get(0).episode().start()).isEqualTo(a + 15 * MINUTE);
    }

    @Test
    void aRecordExactlyAWindowLaterLeavesNoSilence() {
        FeedSilenceEpisodes feed = silence(ActiveHours.ALL_DAY);
        long a = at(10 * HOUR);
        feed.add(a);
        feed.add(a + 15 * MINUTE);

        assertThat(feed.advanceTo(a + 15 * MINUTE)).isEmpty();
        assertThat(feed.nextWakeUp()).isEqualTo(a + 30 * MINUTE);
    }

    @Test
    void aRecordJustAfterTheSilenceBeganResolvesIt() {
        FeedSilenceEpisodes feed = silence(ActiveHours.ALL_DAY);
        long a = at(10 * HOUR);
        feed.add(a);
        feed.add(a + 15 * MINUTE + 1);

        List<EpisodeEvent> events = feed.advanceTo(a + 30 * MINUTE);

        assertThat(types(events)).containsExactly(Type.FIRED, Type.RESOLVED);
        assertThat(events.get(1).episode().resolvedAt()).isEqualTo(a + 15 * MINUTE + 1);
    }

    @Test
    void theSilenceFiresAtTheHorizonButNotBefore() {
        FeedSilenceEpisodes feed = silence(ActiveHours.ALL_DAY);
        feed.add(at(10 * HOUR));

        assertThat(feed.advanceTo(at(10 * HOUR + 15 * MINUTE) - 1)).isEmpty();
        assertThat(types(feed.advanceTo(at(10 * HOUR + 15 * MINUTE)))).containsExactly(Type.FIRED);
    }

    @Test
    void noSilenceIsJudgedBeforeTheFirstRecord() {
        FeedSilenceEpisodes feed = silence(ActiveHours.ALL_DAY);

        assertThat(feed.advanceTo(at(5 * DAY))).isEmpty();
        assertThat(feed.isEmpty()).isTrue();
        assertThat(feed.nextWakeUp()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void outsideActiveHoursTheSilenceWaitsForTheirStart() {
        FeedSilenceEpisodes feed = silence(hours(8, 0, 20, 0));
        feed.add(at(19 * HOUR + 50 * MINUTE));

        List<EpisodeEvent> events = feed.advanceTo(at(DAY + 8 * HOUR));

        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().firedAt()).isEqualTo(at(DAY + 8 * HOUR));
        assertThat(events.get(0).episode().windowStart()).isEqualTo(at(19 * HOUR + 50 * MINUTE));
    }

    @Test
    void aRecordBeforeActiveHoursStartLeavesNoSilence() {
        FeedSilenceEpisodes feed = silence(hours(8, 0, 20, 0));
        feed.add(at(19 * HOUR + 50 * MINUTE));
        feed.add(at(DAY + 8 * HOUR) - 1);

        assertThat(feed.advanceTo(at(DAY + 8 * HOUR))).isEmpty();
    }

    @Test
    void activeHoursMayWrapMidnight() {
        ActiveHours night = hours(22, 0, 6, 0);

        FeedSilenceEpisodes midday = silence(night);
        midday.add(at(12 * HOUR));
        assertThat(midday.nextWakeUp()).isEqualTo(at(12 * HOUR));
        midday.advanceTo(at(12 * HOUR));
        assertThat(midday.nextWakeUp()).isEqualTo(at(22 * HOUR));

        FeedSilenceEpisodes early = silence(night);
        early.add(at(5 * HOUR + 40 * MINUTE));
        assertThat(early.advanceTo(at(6 * HOUR)).get(0).episode().firedAt())
                .isEqualTo(at(5 * HOUR + 55 * MINUTE));

        FeedSilenceEpisodes pastTheEnd = silence(night);
        pastTheEnd.add(at(5 * HOUR + 50 * MINUTE));
        pastTheEnd.advanceTo(at(5 * HOUR + 50 * MINUTE));
        assertThat(pastTheEnd.nextWakeUp()).isEqualTo(at(22 * HOUR));

        FeedSilenceEpisodes lateEvening = silence(night);
        lateEvening.add(at(23 * HOUR + 50 * MINUTE));
        assertThat(lateEvening.advanceTo(at(DAY + HOUR)).get(0).episode().firedAt())
                .isEqualTo(at(DAY + 5 * MINUTE));
    }

    @Test
    void activeHoursMayEndAtMidnight() {
        ActiveHours evening = hours(18, 0, 24, 0);

        FeedSilenceEpisodes beforeMidnight = silence(evening);
        beforeMidnight.add(at(23 * HOUR + 40 * MINUTE));
        assertThat(beforeMidnight.advanceTo(at(DAY)).get(0).episode().firedAt())
                .isEqualTo(at(23 * HOUR + 55 * MINUTE));

        FeedSilenceEpisodes afterMidnight = silence(evening);
        afterMidnight.add(at(23 * HOUR + 50 * MINUTE));
        afterMidnight.advanceTo(at(23 * HOUR + 50 * MINUTE));
        assertThat(afterMidnight.nextWakeUp()).isEqualTo(at(DAY + 18 * HOUR));
    }

    @Test
    void aSilenceFiresOncePerGap() {
        FeedSilenceEpisodes feed = silence(ActiveHours.ALL_DAY);
        feed.add(at(0));
        feed.add(at(2 * HOUR));

        List<EpisodeEvent> events = feed.advanceTo(at(3 * HOUR));

        assertThat(types(events)).containsExactly(Type.FIRED, Type.RESOLVED, Type.FIRED);
        assertThat(events.get(2).episode().firedAt()).isEqualTo(at(2 * HOUR + 15 * MINUTE));
    }

    @Test
    void refusesALateRecord() {
        FeedSilenceEpisodes feed = silence(ActiveHours.ALL_DAY);
        feed.add(at(0));
        feed.advanceTo(at(HOUR));

        assertThat(feed.add(at(30 * MINUTE))).isFalse();
        assertThat(feed.advanceTo(at(2 * HOUR))).isEmpty();
    }
}
