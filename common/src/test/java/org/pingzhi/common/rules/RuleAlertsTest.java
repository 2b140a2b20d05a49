package org.pingzhi.common.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.output.AlertDocument;

class RuleAlertsTest {

    private static final long START = Instant.parse("2026-11-28T02:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;
    private static final TownDirectory TOWNS = TownDirectory.standard();

    private static final HotspotRule HOTSPOT =
            TestRules.hotspot(
                    List.of(KeyField.TOWN_CODE, KeyField.VILLAGE), 3, Duration.ofMinutes(30));

    private static RuleEpisode hotspotEpisode(Long resolvedAt) {
        return new RuleEpisode(
                List.of("330482001", "东湖村"),
                START,
                START + 20 * MINUTE,
                "330482001",
                "DISPUTE",
                START,
                START + 20 * MINUTE,
                3L,
                List.of("12345-a", "12345-b", "110-c"),
                resolvedAt);
    }

    @Test
    void theIdJoinsTheGroupsValuesEscapingPercentAndBar() {
        assertThat(AlertDocument.ruleAlertId("hot", List.of("330482001", "东湖村"), 1764295200000L))
                .isEqualTo("rule:hot:330482001|东湖村:1764295200000");
        assertThat(AlertDocument.ruleAlertId("hot", List.of("a|b", "50%", "%7C"), 5L))
                .isEqualTo("rule:hot:a%7Cb|50%25|%257C:5");
        assertThat(AlertDocument.ruleAlertId("silent", List.of("110"), 0L))
                .isEqualTo("rule:silent:110:0");
    }

    @Test
    void anOpenHotspotAlertHasEveryContractField() throws Exception {
        AlertDocument alert = RuleAlerts.of(HOTSPOT, "v7", hotspotEpisode(null), TOWNS);
        JsonNode json = Json.mapper().readTree(alert.render(0).json());

        assertThat(json.get("alertId").asText()).isEqualTo("rule:hot:330482001|东湖村:" + START);
        assertThat(json.get("kind").asText()).isEqualTo("HOTSPOT");
        assertThat(json.get("ruleId").asText()).isEqualTo("hot");
        assertThat(json.get("ruleVersion").asText()).isEqualTo("v7");
        assertThat(json.get("severity").asText()).isEqualTo("WARNING");
        assertThat(json.get("level").asText()).isEqualTo("TOWN");
        assertThat(json.get("townCode").asText()).isEqualTo("330482001");
        assertThat(json.get("category").asText()).isEqualTo("DISPUTE");
        assertThat(json.get("windowStart").asText()).isEqualTo("2026-11-28T02:00:00.000Z");
        assertThat(json.get("windowEnd").asText()).isEqualTo("2026-11-28T02:20:00.000Z");
        assertThat(json.get("firedAt").asText()).isEqualTo("2026-11-28T02:20:00.000Z");
        assertThat(json.get("count").asLong()).isEqualTo(3);
        assertThat(json.get("incidentIds")).hasSize(3);
        assertThat(json.get("status").asText()).isEqualTo("OPEN");
        assertThat(json.get("resolvedAt").isNull()).isTrue();
        assertThat(alert.title()).contains("当湖街道东湖村", "30分钟", "3起", "矛盾纠纷");
        assertThat(alert.message())
                .contains("当湖街道东湖村", "2026-11-28 10:00", "2026-11-28 10:20", "3 起");
    }

    @Test
    void aResolvedAlertSaysWhen() {
        AlertDocument alert =
                RuleAlerts.of(HOTSPOT, "v7", hotspotEpisode(START + 50 * MINUTE), TOWNS);

        assertThat(alert.status()).isEqualTo("RESOLVED");
        assertThat(alert.resolvedAt()).isEqualTo("2026-11-28T02:50:00.000Z");
    }

    @Test
    void theSameEpisodeRendersTheSameDocument() {
        assertThat(RuleAlerts.of(HOTSPOT, "v7", hotspotEpisode(null), TOWNS).render(0).json())
                .isEqualTo(
                        RuleAlerts.of(HOTSPOT, "v7", hotspotEpisode(null), TOWNS).render(0).json());
    }

    @Test
    void aRepeatCallerAlertNeverNamesTheCaller() {
        RepeatCallerRule rule = TestRules.repeatCaller(true);
        String callerKey = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        RuleEpisode episode =
                new RuleEpisode(
                        List.of(callerKey),
                        START,
                        START + 60 * MINUTE,
                        "330482100",
                        "OTHER",
                        START,
                        START + 60 * MINUTE,
                        3L,
                        List.of("12345-a", "12345-b", "12345-c"),
                        null);

        AlertDocument alert = RuleAlerts.of(rule, "v1", episode, TOWNS);

        assertThat(alert.alertId()).isEqualTo("rule:repeat:" + callerKey + ":" + START);
        assertThat(alert.title() + alert.message())
                .doesNotContain(callerKey)
                .contains("同一来电人", "乍浦镇", "24小时", "3");
    }

    @Test
    void kindsWithoutCategoryOrCountRenderNulls() throws Exception {
        FeedSilenceRule silence = TestRules.feedSilence(null, ActiveHours.ALL_DAY);
        RuleEpisode silent =
                new RuleEpisode(
                        List.of("110"),
                        START + 15 * MINUTE,
                        START + 15 * MINUTE,
                        null,
                        null,
                        START,
                        null,
                        null,
                        List.of(),
                        null);

        AlertDocument alert = RuleAlerts.of(silence, "v1", silent, TOWNS);
        JsonNode json = Json.mapper().readTree(alert.render(0).json());

        assertThat(json.get("alertId").asText())
                .isEqualTo("rule:silent:110:" + (START + 15 * MINUTE));
        assertThat(json.get("category").isNull()).isTrue();
        assertThat(json.get("townCode").isNull()).isTrue();
        assertThat(json.get("count").isNull()).isTrue();
        assertThat(json.get("windowEnd").isNull()).isTrue();
        assertThat(json.get("incidentIds")).isEmpty();
        assertThat(alert.title()).contains("110");
        assertThat(alert.message()).contains("15分钟", "2026-11-28 10:00");
    }

    @Test
    void everyKindNamesItsPlaceFigureAndWindow() {
        RuleEpisode townEpisode =
                new RuleEpisode(
                        List.of("330482101"),
                        START,
                        START + 60 * MINUTE,
                        "330482101",
                        null,
                        START,
                        START + 60 * MINUTE,
                        12L,
                        List.of(),
                        null);
        BreachRateRule breach = TestRules.breachRate("0.5", 4);
        BacklogRule backlog = TestRules.backlog(RuleFilter.NONE, 19, Duration.ofMinutes(15));
        SurgeRule surge =
                TestRules.surge("2", 10, new Baseline.SameTimeOfDay(7), Duration.ofHours(1));

        assertThat(RuleAlerts.of(breach, "v1", townEpisode, TOWNS).message())
                .contains("新埭镇", "12 起", "50%", "1小时");
        assertThat(RuleAlerts.of(backlog, "v1", townEpisode, TOWNS).message())
                .contains("新埭镇", "19 起", "15分钟", "最高 12 起");
        assertThat(RuleAlerts.of(surge, "v1", townEpisode, TOWNS).message())
                .contains("新埭镇", "12 起", "1小时", "前 7 天同时段", "2 倍");
    }
}
