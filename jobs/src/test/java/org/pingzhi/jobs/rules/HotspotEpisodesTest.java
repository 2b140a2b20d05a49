package org.pingzhi.jobs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.rules.RuleInputs.MINUTE;
import static org.pingzhi.jobs.rules.RuleInputs.at;
import static org.pingzhi.jobs.rules.RuleInputs.incident;
import static org.pingzhi.jobs.rules.RuleInputs.types;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.jobs.rules.EpisodeEvent.Type;

class HotspotEpisodesTest {

    private static final List<String> GROUP = List.of("330482001", "东湖村");

    private static HotspotEpisodes threeIn30Minutes() {
        return new HotspotEpisodes(GROUP, 3, Duration.ofMinutes(30));
    }

    @Test
    void firesAtTheIncidentThatBringsTheWindowToTheThreshold() {
        HotspotEpisodes hotspot = threeIn30Minutes();
        hotspot.add(incident("12345-a", at(0)));
        hotspot.add(incident("12345-b", at(10 * MINUTE)));
        hotspot.add(incident("12345-c", at(20 * MINUTE)));

        List<EpisodeEvent> events = hotspot.advanceTo(at(20 * MINUTE));

        assertThat(events).hasSize(1);
        RuleEpisode fired = events.get(0).episode();
        assertThat(events.get(0).type()).isEqualTo(Type.FIRED);
        assertThat(fired.start()).isEqualTo(at(0));
        assertThat(fired.firedAt()).isEqualTo(at(20 * MINUTE));
        assertThat(fired.windowStart()).isEqualTo(at(0));
        assertThat(fired.windowEnd()).isEqualTo(at(20 * MINUTE));
        assertThat(fired.count()).isEqualTo(3L);
        assertThat(fired.incidentIds()).containsExactly("12345-a", "12345-b", "12345-c");
        assertThat(fired.group()).isEqualTo(GROUP);
        assertThat(fired.resolvedAt()).isNull();
    }

    @Test
    void isResolvedAtLastPlusWindow() {
        HotspotEpisodes hotspot = threeIn30Minutes();
        hotspot.add(incident("12345-a", at(0)));
        hotspot.add(incident("12345-b", at(10 * MINUTE)));
        hotspot.add(incident("12345-c", at(20 * MINUTE)));
        hotspot.advanceTo(at(20 * MINUTE));

        assertThat(hotspot.advanceTo(at(50 * MINUTE) - 1)).isEmpty();
        assertThat(hotspot.nextWakeUp()).isEqualTo(at(50 * MINUTE));
        List<EpisodeEvent> events = hotspot.advanceTo(at(50 * MINUTE));

        assertThat(types(events)).containsExactly(Type.RESOLVED);
        assertThat(events.get(0).episode().resolvedAt()).isEqualTo(at(50 * MINUTE));
        assertThat(events.get(0).episode().start()).isEqualTo(at(0));
        assertThat(hotspot.isEmpty()).isTrue();
    }

    @Test
    void anIncidentExactlyAWindowEarlierIsOutsideTheWindow() {
        HotspotEpisodes hotspot = threeIn30Minutes();
        hotspot.add(incident("12345-a", at(0)));
        hotspot.add(incident("12345-b", at(10 * MINUTE)));
        hotspot.add(incident("12345-c", at(30 * MINUTE)));

        assertThat(hotspot.advanceTo(at(60 * MINUTE))).isEmpty();
    }

    @Test
    void anIncidentJustInsideTheWindowCounts() {
        HotspotEpisodes hotspot = threeIn30Minutes();
        hotspot.add(incident("12345-a", at(0)));
        hotspot.add(incident("12345-b", at(10 * MINUTE)));
        hotspot.add(incident("12345-c", at(30 * MINUTE) - 1));

        assertThat(types(hotspot.advanceTo(at(60 * MINUTE))))
                .containsExactly(Type.FIRED, Type.RESOLVED);
    }

    @Test
    void tiesAtTheFiringInstantAreHeldAndTheFirstByIdFiresIt() {
        HotspotEpisodes hotspot = threeIn30Minutes();
        hotspot.add(incident("12345-a", at(0)));
        hotspot.add(incident("12345-z", at(10 * MINUTE), "330482100", "TRAFFIC"));
        hotspot.add(incident("12345-b", at(10 * MINUTE), "330482001", "DISPUTE"));

        RuleEpisode fired = hotspot.advanceTo(at(10 * MINUTE)).get(0).episode();

        assertThat(fired.incidentIds()).containsExactly("12345-a", "12345-b", "12345-z");
        assertThat(fired.townCode()).isEqualTo("330482001");
        assertThat(fired.category()).isEqualTo("DISPUTE");
    }

    @Test
    void incidentsBeforeLastPlusWindowJoin() {
        HotspotEpisodes hotspot = threeIn30Minutes();
        hotspot.add(incident("12345-a", at(0)));
        hotspot.add(incident("12345-b", at(10 * MINUTE)));
        hotspot.add(incident("12345-c", at(20 * MINUTE)));
        hotspot.add(incident("12345-d", at(50 * MINUTE) - 1));
        hotspot.add(incident("12345-e", at(80 * MINUTE) - 2));
        hotspot.add(incident("12345-f", at(110 * MINUTE) - 3));
        hotspot.add(incident("12345-g", at(140 * MINUTE) - 4));

        List<EpisodeEvent> events = hotspot.advanceTo(at(200 * MINUTE));

        // One advance reports the episode's growth in the FIRED event itself.
        assertThat(types(events)).containsExactly(Type.FIRED, Type.RESOLVED);
        assertThat(events.get(0).episode().firedAt()).isEqualTo(at(20 * MINUTE));
        assertThat(events.get(0).episode().count()).isEqualTo(7L);
        RuleEpisode resolved = events.get(1).episode();
        assertThat(resolved.incidentIds())
                .containsExactly(
                        "12345-a", "12345-b", "12345-c", "12345-d", "12345-e", "12345-f",
                        "12345-g");
        assertThat(resolved.count()).isEqualTo(7L);
        assertThat(resolved.windowEnd()).isEqualTo(at(140 * MINUTE) - 4);
        assertThat(resolved.resolvedAt()).isEqualTo(at(170 * MINUTE) - 4);
    }

    @Test
    void anIncidentAtLastPlusWindowFindsTheEpisodeResolvedAndMayOpenTheNext() {
        HotspotEpisodes hotspot = new HotspotEpisodes(GROUP, 2, Duration.ofMinutes(30));
        hotspot.add(incident("12345-a", at(0)));
        hotspot.add(incident("12345-b", at(10 * MINUTE)));
        hotspot.add(incident("12345-c", at(40 * MINUTE)));
        hotspot.add(incident("12345-d", at(50 * MINUTE)));

        List<EpisodeEvent> events = hotspot.advanceTo(at(50 * MINUTE));

        assertThat(types(events)).containsExactly(Type.FIRED, Type.RESOLVED, Type.FIRED);
        assertThat(events.get(1).episode().resolvedAt()).isEqualTo(at(40 * MINUTE));
        assertThat(events.get(2).episode().start()).isEqualTo(at(40 * MINUTE));
        assertThat(events.get(2).episode().incidentIds()).containsExactly("12345-c", "12345-d");
    }

    @Test
    void nothingIsResolvedAfterTheHorizonButAtItItIs() {
        HotspotEpisodes resolvedAtHorizon = threeIn30Minutes();
        HotspotEpisodes openAtHorizon = threeIn30Minutes();
        for (HotspotEpisodes hotspot : List.of(resolvedAtHorizon, openAtHorizon)) {
            hotspot.add(incident("12345-a", at(0)));
            hotspot.add(incident("12345-b", at(10 * MINUTE)));
            hotspot.add(incident("12345-c", at(20 * MINUTE)));
        }

        assertThat(types(resolvedAtHorizon.advanceTo(at(50 * MINUTE))))
                .containsExactly(Type.FIRED, Type.RESOLVED);
        assertThat(types(openAtHorizon.advanceTo(at(50 * MINUTE) - 1))).containsExactly(Type.FIRED);
    }

    @Test
    void theOutcomeDoesNotDependOnArrivalOrder() {
        List<RuleIncident> incidents = new ArrayList<>();
        Random random = new Random(9);
        for (int i = 0; i < 60; i++) {
            incidents.add(incident("12345-" + i, at(random.nextInt(240) * MINUTE)));
        }
        List<EpisodeEvent> expected = walk(incidents);
        assertThat(expected).isNotEmpty();
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(incidents, random);
            assertThat(walk(incidents)).isEqualTo(expected);
        }
    }

    private static List<EpisodeEvent> walk(List<RuleIncident> incidents) {
        HotspotEpisodes hotspot = new HotspotEpisodes(GROUP, 4, Duration.ofMinutes(30));
        incidents.forEach(hotspot::add);
        return hotspot.advanceTo(at(300 * MINUTE));
    }

    @Test
    void walkingInStepsGivesTheSameEpisodes() {
        HotspotEpisodes inOneGo = threeIn30Minutes();
        HotspotEpisodes inSteps = threeIn30Minutes();
        List<RuleIncident> incidents =
                List.of(
                        incident("12345-a", at(0)),
                        incident("12345-b", at(10 * MINUTE)),
                        incident("12345-c", at(20 * MINUTE)),
                        incident("12345-d", at(45 * MINUTE)));
        incidents.forEach(inOneGo::add);
        List<EpisodeEvent> stepped = new ArrayList<>();
        for (RuleIncident incident : incidents) {
            inSteps.add(incident);
            stepped.addAll(inSteps.advanceTo(incident.reportedAt()));
        }
        stepped.addAll(inSteps.advanceTo(at(2 * 60 * MINUTE)));

        List<EpisodeEvent> once = inOneGo.advanceTo(at(2 * 60 * MINUTE));

        assertThat(once.get(once.size() - 1)).isEqualTo(stepped.get(stepped.size() - 1));
        assertThat(types(stepped)).containsExactly(Type.FIRED, Type.UPDATED, Type.RESOLVED);
    }

    @Test
    void refusesALateIncident() {
        HotspotEpisodes hotspot = threeIn30Minutes();
        hotspot.advanceTo(at(10 * MINUTE));

        assertThat(hotspot.add(incident("12345-a", at(10 * MINUTE)))).isFalse();
        assertThat(hotspot.add(incident("12345-b", at(10 * MINUTE) + 1))).isTrue();
    }

    @Test
    void aQuietGroupBecomesEmpty() {
        HotspotEpisodes hotspot = threeIn30Minutes();
        hotspot.add(incident("12345-a", at(0)));
        hotspot.advanceTo(at(0));

        assertThat(hotspot.isEmpty()).isFalse();
        assertThat(hotspot.nextWakeUp()).isEqualTo(at(30 * MINUTE));
        hotspot.advanceTo(at(30 * MINUTE));
        assertThat(hotspot.isEmpty()).isTrue();
        assertThat(hotspot.nextWakeUp()).isEqualTo(Long.MAX_VALUE);
    }
}
