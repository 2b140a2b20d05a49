package org.pingzhi.jobs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.rules.RuleInputs.HOUR;
import static org.pingzhi.jobs.rules.RuleInputs.at;
import static org.pingzhi.jobs.rules.RuleInputs.call;
import static org.pingzhi.jobs.rules.RuleInputs.decision;
import static org.pingzhi.jobs.rules.RuleInputs.incident;
import static org.pingzhi.jobs.rules.RuleInputs.types;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.rules.ActiveHours;
import org.pingzhi.common.rules.BacklogRule;
import org.pingzhi.common.rules.BreachRateRule;
import org.pingzhi.common.rules.FeedSilenceRule;
import org.pingzhi.common.rules.HotspotRule;
import org.pingzhi.common.rules.KeyField;
import org.pingzhi.common.rules.RepeatCallerRule;
import org.pingzhi.common.rules.RuleFilter;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.rules.EpisodeEvent.Type;

class RepeatCallerAndGroupsTest {

    private static final RepeatCallerRule REPEAT = TestRules.repeatCaller(true);

    @Test
    void aCallersThirdCallWithin24HoursFires() {
        List<RuleIncident> calls =
                List.of(
                        call("12345-a", at(0), "k1"),
                        call("12345-b", at(10 * HOUR), "k1"),
                        call("12345-c", at(24 * HOUR) - 1, "k1"));
        HotspotEpisodes repeat =
                HotspotEpisodes.of(REPEAT, RuleGroups.of(REPEAT, calls.get(0)).orElseThrow());
        calls.forEach(repeat::add);

        List<EpisodeEvent> events = repeat.advanceTo(at(24 * HOUR) - 1);

        assertThat(types(events)).containsExactly(Type.FIRED);
        assertThat(events.get(0).episode().group()).containsExactly("k1");
        assertThat(events.get(0).episode().count()).isEqualTo(3L);
    }

    @Test
    void aThirdCallExactly24HoursAfterTheFirstDoesNot() {
        HotspotEpisodes repeat = HotspotEpisodes.of(REPEAT, List.of("k1"));
        repeat.add(call("12345-a", at(0), "k1"));
        repeat.add(call("12345-b", at(10 * HOUR), "k1"));
        repeat.add(call("12345-c", at(24 * HOUR), "k1"));

        assertThat(repeat.advanceTo(at(48 * HOUR))).isEmpty();
    }

    @Test
    void callsWithoutACallerKeyAreInNoGroup() {
        assertThat(RuleGroups.of(REPEAT, call("12345-a", at(0), null))).isEmpty();
        assertThat(RuleGroups.of(REPEAT, call("12345-a", at(0), "k1"))).contains(List.of("k1"));
    }

    @Test
    void aHotspotGroupsByItsKeyInKeyOrderAndSkipsNullKeyFields() {
        HotspotRule rule =
                TestRules.hotspot(
                        new RuleFilter(null, Set.of("DISPUTE"), null, null),
                        List.of(KeyField.VILLAGE, KeyField.TOWN_CODE));
        RuleIncident noVillage =
                new RuleIncident(
                        "12345-a",
                        at(0),
                        "330482001",
                        null,
                        "G1",
                        "DISPUTE",
                        "12345",
                        "P3",
                        null,
                        null);

        assertThat(RuleGroups.of(rule, incident("12345-a", at(0))))
                .contains(List.of("东湖村", "330482001"));
        assertThat(RuleGroups.of(rule, noVillage)).isEmpty();
        assertThat(RuleGroups.of(rule, incident("12345-a", at(0), "330482001", "TRAFFIC")))
                .isEmpty();
    }

    @Test
    void aDisabledRuleGroupsNothing() {
        RepeatCallerRule disabled = TestRules.repeatCaller(false);

        assertThat(RuleGroups.of(disabled, call("12345-a", at(0), "k1"))).isEmpty();
    }

    @Test
    void backlogAndBreachRateGroupByTownAfterTheirFilter() {
        BacklogRule backlog =
                TestRules.backlog(
                        new RuleFilter(Set.of("110"), null, null, null),
                        19,
                        Duration.ofMinutes(15));
        BreachRateRule breach = TestRules.breachRate("1", 1);

        assertThat(RuleGroups.of(backlog, incident("12345-a", at(0)))).isEmpty();
        assertThat(RuleGroups.of(breach, decision("110-a", at(0), true)))
                .contains(List.of("330482001"));
    }

    @Test
    void feedSilenceGroupsBySourceAndTheRulesTown() {
        FeedSilenceRule wholeSource = TestRules.feedSilence(null, ActiveHours.ALL_DAY);
        FeedSilenceRule oneTown = TestRules.feedSilence("330482100", ActiveHours.ALL_DAY);

        assertThat(RuleGroups.of(wholeSource, "110", "330482001")).contains(List.of("110"));
        assertThat(RuleGroups.of(wholeSource, "12345", "330482001")).isEqualTo(Optional.empty());
        assertThat(RuleGroups.of(oneTown, "110", "330482100"))
                .contains(List.of("110", "330482100"));
        assertThat(RuleGroups.of(oneTown, "110", "330482001")).isEmpty();
    }
}
