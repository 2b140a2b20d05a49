package org.pingzhi.common.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Valid rules of every kind for tests, enabled, without a filter unless given. */
public final class TestRules {

    private TestRules() {}

    public static HotspotRule hotspot(List<KeyField> key, int threshold, Duration window) {
        return new HotspotRule(
                "hot",
                true,
                Severity.WARNING,
                AlertLevel.TOWN,
                RuleFilter.NONE,
                key,
                threshold,
                window);
    }

    public static HotspotRule hotspot(RuleFilter filter, List<KeyField> key) {
        return new HotspotRule(
                "hot",
                true,
                Severity.WARNING,
                AlertLevel.TOWN,
                filter,
                key,
                3,
                Duration.ofMinutes(30));
    }

    public static RepeatCallerRule repeatCaller(boolean enabled) {
        return new RepeatCallerRule(
                "repeat",
                enabled,
                Severity.WARNING,
                AlertLevel.TOWN,
                RuleFilter.NONE,
                3,
                Duration.ofHours(24));
    }

    public static SurgeRule surge(String factor, int minCount, Baseline baseline, Duration window) {
        return new SurgeRule(
                "surge",
                true,
                Severity.WARNING,
                AlertLevel.CITY,
                RuleFilter.NONE,
                List.of(KeyField.TOWN_CODE),
                window,
                new BigDecimal(factor),
                minCount,
                baseline);
    }

    public static FeedSilenceRule feedSilence(String townCode, ActiveHours hours) {
        return new FeedSilenceRule(
                "silent",
                true,
                Severity.CRITICAL,
                AlertLevel.CITY,
                "110",
                townCode,
                Duration.ofMinutes(15),
                hours);
    }

    public static BreachRateRule breachRate(String threshold, int minDecided) {
        return new BreachRateRule(
                "breach",
                true,
                Severity.WARNING,
                AlertLevel.CITY,
                RuleFilter.NONE,
                Duration.ofHours(1),
                new BigDecimal(threshold),
                minDecided);
    }

    public static BacklogRule backlog(RuleFilter filter, int threshold, Duration duration) {
        return new BacklogRule(
                "backlog", true, Severity.WARNING, AlertLevel.CITY, filter, threshold, duration);
    }
}
