package org.pingzhi.common.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesFileParserTest {

    private static final String HOTSPOT =
            "{\"id\": \"hot\", \"kind\": \"HOTSPOT\", \"severity\": \"WARNING\", \"level\":"
                + " \"TOWN\", \"key\": [\"townCode\", \"village\"], \"threshold\": 3, \"window\":"
                + " \"PT30M\"";
    private static final String SURGE =
            "{\"id\": \"surge\", \"kind\": \"SURGE\", \"severity\": \"INFO\", \"level\": \"CITY\","
                + " \"key\": [\"townCode\"], \"window\": \"PT1H\", \"factor\": 2.5, \"minCount\":"
                + " 10, \"baseline\": {\"sameTimeOfDay\": 7}";
    private static final String SILENCE =
            "{\"id\": \"silent\", \"kind\": \"FEED_SILENCE\", \"severity\": \"CRITICAL\","
                    + " \"level\": \"CITY\", \"source\": \"110\", \"window\": \"PT15M\"";
    private static final String BREACH =
            "{\"id\": \"breach\", \"kind\": \"BREACH_RATE\", \"severity\": \"WARNING\", \"level\":"
                    + " \"CITY\", \"window\": \"PT1H\", \"threshold\": 0.5, \"minDecided\": 4";
    private static final String BACKLOG =
            "{\"id\": \"backlog\", \"kind\": \"BACKLOG\", \"severity\": \"WARNING\", \"level\":"
                    + " \"CITY\", \"threshold\": 19, \"duration\": \"PT15M\"";
    private static final String REPEAT =
            "{\"id\": \"repeat\", \"kind\": \"REPEAT_CALLER\", \"severity\": \"WARNING\","
                    + " \"level\": \"TOWN\", \"threshold\": 3, \"window\": \"PT24H\"";

    private static RulesFile parse(String json) {
        return RulesFileParser.standard().parse(json, "test.json");
    }

    /**
     * A file holding the given rules, each written without its closing brace plus {@code extra}.
     */
    private static String file(String... rules) {
        return "{\"version\": \"v1\", \"rules\": [" + String.join(", ", rules) + "]}";
    }

    private static String rule(String open, String extra) {
        return open + extra + "}";
    }

    private static void assertRejected(String json, String... fragments) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void theShippedPinghuRulesParse() {
        RulesFile rules = RulesFileParser.loadDefault();

        assertThat(rules.version()).isEqualTo("pinghu-2026-12-01");
        assertThat(rules.rules()).extracting(Rule::kind).contains(RuleKind.values());
        HotspotRule disputes = (HotspotRule) rules.byId("dispute-hotspot-village").orElseThrow();
        assertThat(disputes.filter().categories()).containsExactly("DISPUTE");
        assertThat(disputes.key()).containsExactly(KeyField.TOWN_CODE, KeyField.VILLAGE);
        assertThat(disputes.threshold()).isEqualTo(3);
        assertThat(disputes.window()).isEqualTo(Duration.ofMinutes(30));
        SurgeRule surge = (SurgeRule) rules.byId("town-surge-hourly").orElseThrow();
        assertThat(surge.baseline()).isEqualTo(new Baseline.SameTimeOfDay(7));
        FeedSilenceRule silence = (FeedSilenceRule) rules.byId("feed-silence-110").orElseThrow();
        assertThat(silence.activeHours()).isEqualTo(new ActiveHours(8 * 60, 20 * 60));
        BreachRateRule breach =
                (BreachRateRule) rules.byId("town-breach-rate-hourly").orElseThrow();
        assertThat(breach.threshold()).isEqualByComparingTo("0.5");
        BacklogRule backlog = (BacklogRule) rules.byId("town-backlog").orElseThrow();
        assertThat(backlog.threshold()).isEqualTo(19);
        assertThat(backlog.duration()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void readsEveryKindWithItsParameters() {
        RulesFile rules =
                parse(
                        file(
                                rule(
                                        HOTSPOT,
                                        ", \"enabled\": false, \"filter\": {\"sources\": [\"110\"],"
                                                + " \"categories\": [\"DISPUTE\"], \"priorities\":"
                                                + " [\"P1\"], \"townCodes\": [\"330482001\"]}"),
                                rule(REPEAT, ""),
                                rule(SURGE, ""),
                                rule(
                                        SILENCE,
                                        ", \"townCode\": \"330482100\", \"activeHours\":"
                                                + " \"22:00-06:30\""),
                                rule(BREACH, ""),
                                rule(BACKLOG, "")));

        assertThat(rules.rules()).hasSize(6);
        assertThat(rules.enabledRules()).extracting(Rule::id).doesNotContain("hot");
        HotspotRule hot = (HotspotRule) rules.rules().get(0);
        assertThat(hot.filter())
                .isEqualTo(
                        new RuleFilter(
                                Set.of("110"),
                                Set.of("DISPUTE"),
                                Set.of("P1"),
                                Set.of("330482001")));
        assertThat(((RepeatCallerRule) rules.rules().get(1)).window())
                .isEqualTo(Duration.ofHours(24));
        SurgeRule surge = (SurgeRule) rules.rules().get(2);
        assertThat(surge.factor()).isEqualTo(new BigDecimal("2.5"));
        assertThat(surge.filter()).isEqualTo(RuleFilter.NONE);
        FeedSilenceRule silence = (FeedSilenceRule) rules.rules().get(3);
        assertThat(silence.townCode()).isEqualTo("330482100");
        assertThat(silence.activeHours()).isEqualTo(new ActiveHours(22 * 60, 6 * 60 + 30));
        assertThat(((BreachRateRule) rules.rules().get(4)).minDecided()).isEqualTo(4);
    }

    @Test
    void readsFractionsAsTheExactDecimalWritten() {
        RulesFile rules = parse(file(rule(BREACH.replace("0.5", "0.3333333333333333333333"), "")));

        assertThat(((BreachRateRule) rules.rules().get(0)).threshold())
                .isEqualTo(new BigDecimal("0.3333333333333333333333"));
    }

    @Test
    void acceptsActiveHoursEndingAtMidnight() {
        assertThat(
                        ((FeedSilenceRule)
                                        parse(
                                                        file(
                                                                rule(
                                                                        SILENCE,
                                                                        ", \"activeHours\":"
                                                                            + " \"18:00-24:00\"")))
                                                .rules()
                                                .get(0))
                                .activeHours())
                .isEqualTo(new ActiveHours(18 * 60, 1440));
        assertThat(
                        ((FeedSilenceRule)
                                        parse(
                                                        file(
                                                                rule(
                                                                        SILENCE,
                                                                        ", \"activeHours\":"
                                                                            + " \"18:00-00:00\"")))
                                                .rules()
                                                .get(0))
                                .activeHours())
                .isEqualTo(new ActiveHours(18 * 60, 1440));
    }

    @Test
    void rejectsWhatIsNotARulesFile() {
        assertRejected("[]", "test.json", "JSON object");
        assertRejected("{\"version\": \"v1\", \"rules\": [", "not valid JSON");
        assertRejected("{\"version\": \"v1\", \"rules\": []} {}", "not valid JSON");
        assertRejected(
                "{\"version\": \"v1\", \"version\": \"v2\", \"rules\": []}", "not valid JSON");
        assertRejected("{\"rules\": []}", "\"version\"");
        assertRejected("{\"version\": \"\", \"rules\": []}", "\"version\"");
        assertRejected("{\"version\": 1, \"rules\": []}", "\"version\"");
        assertRejected("{\"version\": \"v1\"}", "\"rules\"");
        assertRejected("{\"version\": \"v1\", \"rules\": {}}", "\"rules\"");
        assertRejected(
                "{\"version\": \"v1\", \"rules\": [], \"extra\": 1}", "unknown field \"extra\"");
        assertRejected(file("\"hot\""), "rule 1 must be a JSON object");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'\"Hot\"'",
                "'\"-hot\"'",
                "'\"hot_spot\"'",
                "'\"\"'",
                "'1'",
                "'\"a12345678901234567890123456789012345678901234567890123456789012345\"'"
            })
    void rejectsAnIdNotMatchingThePattern(String id) {
        assertRejected(
                file(rule(HOTSPOT.replace("\"hot\"", id), "")), "rule 1", "\"id\" must match");
    }

    @Test
    void acceptsTheLongestId() {
        String id = "a" + "-".repeat(63);
        assertThat(
                        parse(file(rule(HOTSPOT.replace("\"hot\"", "\"" + id + "\""), "")))
                                .rules()
                                .get(0)
                                .id())
                .isEqualTo(id);
    }

    @Test
    void rejectsAMissingId() {
        assertRejected(
                file(rule(HOTSPOT.replace("\"id\": \"hot\", ", ""), "")), "rule 1", "\"id\"");
    }

    @Test
    void rejectsADuplicateId() {
        assertRejected(
                file(rule(HOTSPOT, ""), rule(REPEAT.replace("\"repeat\"", "\"hot\""), "")),
                "rule \"hot\"",
                "duplicate id");
    }

    @Test
    void rejectsAnUnknownOrMissingKind() {
        assertRejected(
                file(rule(HOTSPOT.replace("HOTSPOT", "HOT_SPOT"), "")),
                "rule 1 \"hot\"",
                "\"kind\"",
                "HOT_SPOT");
        assertRejected(
                file(rule(HOTSPOT.replace("\"kind\": \"HOTSPOT\", ", ""), "")),
                "\"hot\"",
                "\"kind\" is required");
    }

    @Test
    void rejectsAnUnknownField() {
        assertRejected(
                file(rule(HOTSPOT, ", \"windw\": \"PT1H\"")), "\"hot\"", "unknown field \"windw\"");
        assertRejected(
                file(rule(HOTSPOT, ", \"minCount\": 1")), "\"hot\"", "unknown field \"minCount\"");
        assertRejected(
                file(rule(HOTSPOT, ", \"filter\": {\"town\": [\"x\"]}")),
                "\"hot\", filter",
                "unknown field \"town\"");
    }

    @Test
    void rejectsAFilterOnFeedSilence() {
        assertRejected(
                file(rule(SILENCE, ", \"filter\": {\"sources\": [\"110\"]}")),
                "\"silent\"",
                "unknown field \"filter\"");
    }

    @Test
    void rejectsABadEnabledSeverityOrLevel() {
        assertRejected(file(rule(HOTSPOT, ", \"enabled\": \"yes\"")), "\"hot\"", "\"enabled\"");
        assertRejected(
                file(rule(HOTSPOT.replace("WARNING", "HIGH"), "")),
                "\"hot\"",
                "\"severity\"",
                "HIGH");
        assertRejected(
                file(rule(HOTSPOT.replace("\"severity\": \"WARNING\", ", ""), "")),
                "\"hot\"",
                "\"severity\" is required");
        assertRejected(
                file(rule(HOTSPOT.replace("\"level\": \"TOWN\"", "\"level\": \"NONE\""), "")),
                "\"hot\"",
                "\"level\"");
        assertRejected(
                file(rule(HOTSPOT.replace("\"level\": \"TOWN\",", ""), "")),
                "\"hot\"",
                "\"level\" is required");
    }

    @Test
    void rejectsBadFilterValues() {
        assertRejected(file(rule(HOTSPOT, ", \"filter\": []")), "\"hot\", filter", "JSON object");
        assertRejected(
                file(rule(HOTSPOT, ", \"filter\": {\"sources\": [\"119\"]}")),
                "\"sources\"",
                "\"119\"");
        assertRejected(
                file(rule(HOTSPOT, ", \"filter\": {\"categories\": [\"DISPUTES\"]}")),
                "\"categories\"",
                "DISPUTES");
        assertRejected(
                file(rule(HOTSPOT, ", \"filter\": {\"priorities\": [\"P4\"]}")),
                "\"priorities\"",
                "P4");
        assertRejected(
                file(rule(HOTSPOT, ", \"filter\": {\"townCodes\": [\"330482999\"]}")),
                "\"townCodes\"",
                "330482999");
        assertRejected(
                file(rule(HOTSPOT, ", \"filter\": {\"townCodes\": []}")),
                "\"townCodes\"",
                "non-empty");
        assertRejected(
                file(rule(HOTSPOT, ", \"filter\": {\"townCodes\": \"330482001\"}")),
                "\"townCodes\"",
                "non-empty");
    }

    @Test
    void rejectsABadKey() {
        assertRejected(
                file(rule(HOTSPOT.replace("[\"townCode\", \"village\"]", "[]"), "")),
                "\"hot\"",
                "\"key\"");
        assertRejected(
                file(rule(HOTSPOT.replace("[\"townCode\", \"village\"]", "[\"callerKey\"]"), "")),
                "\"hot\"",
                "callerKey");
        assertRejected(
                file(
                        rule(
                                HOTSPOT.replace(
                                        "[\"townCode\", \"village\"]",
                                        "[\"village\", \"village\"]"),
                                "")),
                "\"hot\"",
                "twice");
        assertRejected(
                file(rule(HOTSPOT.replace("\"key\": [\"townCode\", \"village\"], ", ""), "")),
                "\"hot\"",
                "\"key\" is required");
        assertRejected(
                file(rule(SURGE.replace("\"key\": [\"townCode\"], ", ""), "")),
                "\"surge\"",
                "\"key\" is required");
    }

    @ParameterizedTest
    @CsvSource({"1", "0", "-3", "2.5", "'\"3\"'", "3000000000"})
    void rejectsAHotspotThresholdBelowTwoOrNotWhole(String threshold) {
        assertRejected(
                file(rule(HOTSPOT.replace("\"threshold\": 3", "\"threshold\": " + threshold), "")),
                "\"hot\"",
                "\"threshold\" must be a whole number of at least 2");
        assertRejected(
                file(rule(REPEAT.replace("\"threshold\": 3", "\"threshold\": " + threshold), "")),
                "\"repeat\"",
                "\"threshold\" must be a whole number of at least 2");
    }

    @Test
    void rejectsAMissingParameter() {
        assertRejected(
                file(rule(HOTSPOT.replace(", \"threshold\": 3", ""), "")),
                "\"hot\"",
                "\"threshold\" is required");
        assertRejected(
                file(rule(REPEAT.replace(", \"window\": \"PT24H\"", ""), "")),
                "\"repeat\"",
                "\"window\" is required");
        assertRejected(
                file(rule(SURGE.replace(", \"factor\": 2.5", ""), "")),
                "\"surge\"",
                "\"factor\" is required");
        assertRejected(
                file(rule(SURGE.replace(", \"minCount\": 10", ""), "")),
                "\"surge\"",
                "\"minCount\" is required");
        assertRejected(
                file(rule(SURGE.replace(", \"baseline\": {\"sameTimeOfDay\": 7}", ""), "")),
                "\"surge\"",
                "\"baseline\" is required");
        assertRejected(
                file(rule(SILENCE.replace("\"source\": \"110\", ", ""), "")),
                "\"silent\"",
                "\"source\" is required");
        assertRejected(
                file(rule(BREACH.replace(", \"minDecided\": 4", ""), "")),
                "\"breach\"",
                "\"minDecided\" is required");
        assertRejected(
                file(rule(BREACH.replace(", \"threshold\": 0.5", ""), "")),
                "\"breach\"",
                "\"threshold\" is required");
        assertRejected(
                file(rule(BACKLOG.replace(", \"duration\": \"PT15M\"", ""), "")),
                "\"backlog\"",
                "\"duration\" is required");
        assertRejected(
                file(rule(BACKLOG.replace("\"threshold\": 19, ", ""), "")),
                "\"backlog\"",
                "\"threshold\" is required");
    }

    @ParameterizedTest
    @CsvSource({
        "'\"30 minutes\"'",
        "'\"PT0S\"'",
        "'\"-PT30M\"'",
        "'1800'",
        "'\"PT0.5S\"'",
        "'\"P32D\"'"
    })
    void rejectsABadSlidingWindow(String window) {
        assertRejected(
                file(rule(HOTSPOT.replace("\"PT30M\"", window), "")), "\"hot\"", "\"window\"");
    }

    @ParameterizedTest
    @CsvSource({"PT7M", "PT25H", "P2D", "PT0.5S"})
    void rejectsATumblingWindowNotDividing24Hours(String window) {
        assertRejected(
                file(rule(SURGE.replace("PT1H", window), "")),
                "\"surge\"",
                "\"window\"",
                "divide 24 hours");
        assertRejected(
                file(rule(BREACH.replace("PT1H", window), "")),
                "\"breach\"",
                "\"window\"",
                "divide 24 hours");
    }

    @Test
    void acceptsTumblingWindowsDividing24Hours() {
        for (String window : List.of("PT1S", "PT5M", "PT90M", "PT8H", "PT24H", "P1D")) {
            assertThat(parse(file(rule(BREACH.replace("PT1H", window), ""))).rules()).hasSize(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "0.99", "0", "-2", "'\"2\"'"})
    void rejectsASurgeFactorNotAboveOne(String factor) {
        assertRejected(file(rule(SURGE.replace("2.5", factor), "")), "\"surge\"", "\"factor\"");
    }

    @Test
    void acceptsAFactorJustAboveOne() {
        assertThat(
                        ((SurgeRule)
                                        parse(file(rule(SURGE.replace("2.5", "1.0001"), "")))
                                                .rules()
                                                .get(0))
                                .factor())
                .isEqualTo(new BigDecimal("1.0001"));
    }

    @Test
    void rejectsASurgeMinCountBelowOne() {
        assertRejected(
                file(rule(SURGE.replace("\"minCount\": 10", "\"minCount\": 0"), "")),
                "\"surge\"",
                "\"minCount\"");
    }

    @Test
    void rejectsABadBaseline() {
        assertRejected(
                file(rule(SURGE.replace("{\"sameTimeOfDay\": 7}", "{\"sameTimeOfDay\": 0}"), "")),
                "\"surge\", baseline",
                "\"sameTimeOfDay\"");
        assertRejected(
                file(rule(SURGE.replace("{\"sameTimeOfDay\": 7}", "{\"previousWindows\": 0}"), "")),
                "\"surge\", baseline",
                "\"previousWindows\"");
        assertRejected(
                file(rule(SURGE.replace("{\"sameTimeOfDay\": 7}", "{}"), "")),
                "\"surge\"",
                "\"baseline\"");
        assertRejected(
                file(
                        rule(
                                SURGE.replace(
                                        "{\"sameTimeOfDay\": 7}",
                                        "{\"sameTimeOfDay\": 7, \"previousWindows\": 3}"),
                                "")),
                "\"surge\"",
                "\"baseline\"");
        assertRejected(
                file(rule(SURGE.replace("{\"sameTimeOfDay\": 7}", "{\"weeks\": 1}"), "")),
                "\"surge\", baseline",
                "unknown field \"weeks\"");
        assertRejected(
                file(rule(SURGE.replace("{\"sameTimeOfDay\": 7}", "{\"sameTimeOfDay\": 32}"), "")),
                "\"surge\", baseline",
                "31 days");
        assertRejected(
                file(
                        rule(
                                SURGE.replace(
                                        "{\"sameTimeOfDay\": 7}", "{\"previousWindows\": 745}"),
                                "")),
                "\"surge\", baseline",
                "31 days");
        assertThat(
                        parse(
                                        file(
                                                rule(
                                                        SURGE.replace(
                                                                "{\"sameTimeOfDay\": 7}",
                                                                "{\"previousWindows\": 744}"),
                                                        "")))
                                .rules())
                .hasSize(1);
    }

    @Test
    void rejectsABadFeedSilenceSourceOrTown() {
        assertRejected(
                file(rule(SILENCE.replace("\"110\"", "\"119\""), "")),
                "\"silent\"",
                "\"source\"",
                "119");
        assertRejected(
                file(rule(SILENCE, ", \"townCode\": \"330482999\"")),
                "\"silent\"",
                "\"townCode\"",
                "330482999");
    }

    @ParameterizedTest
    @CsvSource({
        "8:00-20:00",
        "08:00-20:60",
        "24:00-06:00",
        "08:00-24:01",
        "08:00-25:00",
        "08:60-20:00",
        "08:00",
        "08:00~20:00"
    })
    void rejectsActiveHoursThatAreNotTimesOfDay(String hours) {
        assertRejected(
                file(rule(SILENCE, ", \"activeHours\": \"" + hours + "\"")),
                "\"silent\"",
                "\"activeHours\"");
    }

    @ParameterizedTest
    @CsvSource({"08:00-08:00", "00:00-00:00", "23:59-23:59"})
    void rejectsActiveHoursFromEqualToTo(String hours) {
        assertRejected(
                file(rule(SILENCE, ", \"activeHours\": \"" + hours + "\"")),
                "\"silent\"",
                "\"activeHours\"");
    }

    @Test
    void rejectsActiveHoursFromEqualToToNamingTheProblem() {
        assertRejected(
                file(rule(SILENCE, ", \"activeHours\": \"08:00-08:00\"")),
                "\"silent\"",
                "from equal to to");
    }

    @ParameterizedTest
    @CsvSource({"0", "0.0", "-0.1", "1.0000001", "2", "'\"0.5\"'"})
    void rejectsABreachThresholdOutsideZeroToOne(String threshold) {
        assertRejected(
                file(rule(BREACH.replace("0.5", threshold), "")), "\"breach\"", "\"threshold\"");
    }

    @Test
    void acceptsABreachThresholdOfOne() {
        assertThat(
                        ((BreachRateRule)
                                        parse(file(rule(BREACH.replace("0.5", "1"), "")))
                                                .rules()
                                                .get(0))
                                .threshold())
                .isEqualByComparingTo("1");
    }

    @Test
    void rejectsABreachMinDecidedBelowOne() {
        assertRejected(
                file(rule(BREACH.replace("\"minDecided\": 4", "\"minDecided\": 0"), "")),
                "\"breach\"",
                "\"minDecided\"");
    }

    @Test
    void rejectsABacklogThresholdBelowZero() {
        assertRejected(
                file(rule(BACKLOG.replace("\"threshold\": 19", "\"threshold\": -1"), "")),
                "\"backlog\"",
                "\"threshold\"");
        assertThat(
                        parse(
                                        file(
                                                rule(
                                                        BACKLOG.replace(
                                                                "\"threshold\": 19",
                                                                "\"threshold\": 0"),
                                                        "")))
                                .rules())
                .hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"PT30S", "PT90S", "PT0S", "P32D"})
    void rejectsABacklogDurationNotWholeMinutesFromOne(String duration) {
        assertRejected(
                file(rule(BACKLOG.replace("PT15M", duration), "")), "\"backlog\"", "\"duration\"");
    }

    @Test
    void rejectsTheWholeFileWhenOneRuleIsInvalid() {
        assertRejected(
                file(
                        rule(HOTSPOT, ""),
                        rule(REPEAT, ""),
                        rule(BACKLOG.replace("PT15M", "PT30S"), "")),
                "rule 3 \"backlog\"");
    }
}
