package org.pingzhi.jobs.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pingzhi.common.rules.BacklogRule;
import org.pingzhi.common.rules.BreachRateRule;
import org.pingzhi.common.rules.FeedSilenceRule;
import org.pingzhi.common.rules.HotspotRule;
import org.pingzhi.common.rules.KeyField;
import org.pingzhi.common.rules.RepeatCallerRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleFilter;
import org.pingzhi.common.rules.SurgeRule;

/**
 * Which group of a rule an input belongs to: the key values an alert id is made of, in the rule's
 * key order. Empty when the input does not count for the rule (filtered out, a key field null, a
 * disabled rule, or a kind that does not count it).
 */
public final class RuleGroups {

    private RuleGroups() {}

    /** The group of an incident for HOTSPOT, REPEAT_CALLER, SURGE and BACKLOG rules. */
    public static Optional<List<String>> of(Rule rule, RuleIncident incident) {
        if (!rule.enabled()) {
            return Optional.empty();
        }
        return switch (rule.kind()) {
            case HOTSPOT ->
                    keyed(((HotspotRule) rule).filter(), ((HotspotRule) rule).key(), incident);
            case SURGE -> keyed(((SurgeRule) rule).filter(), ((SurgeRule) rule).key(), incident);
            case REPEAT_CALLER ->
                    passes(((RepeatCallerRule) rule).filter(), incident)
                            ? single(incident.callerKey())
                            : Optional.empty();
            case BACKLOG ->
                    passes(((BacklogRule) rule).filter(), incident)
                            ? single(incident.townCode())
                            : Optional.empty();
            case FEED_SILENCE, BREACH_RATE -> Optional.empty();
        };
    }

    /** The group (the town) of an SLA decision for a BREACH_RATE rule. */
    public static Optional<List<String>> of(BreachRateRule rule, SlaDecision decision) {
        return rule.enabled()
                        && rule.filter()
                                .matches(
                                        decision.source(),
                                        decision.category(),
                                        decision.priority(),
                                        decision.townCode())
                ? single(decision.townCode())
                : Optional.empty();
    }

    /**
     * The group of a valid record of {@code source} naming {@code townCode} (12345 {@code town},
     * 110 {@code station}) for a FEED_SILENCE rule: the source, then the rule's town if it has one.
     */
    public static Optional<List<String>> of(FeedSilenceRule rule, String source, String townCode) {
        if (!rule.enabled() || !rule.source().equals(source)) {
            return Optional.empty();
        }
        if (rule.townCode() == null) {
            return Optional.of(List.of(source));
        }
        return rule.townCode().equals(townCode)
                ? Optional.of(List.of(source, townCode))
                : Optional.empty();
    }

    private static Optional<List<String>> keyed(
            RuleFilter filter, List<KeyField> key, RuleIncident incident) {
        if (!passes(filter, incident)) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>(key.size());
        for (KeyField field : key) {
            String value = incident.value(field);
            if (value == null) {
                return Optional.empty();
            }
            values.add(value);
        }
        return Optional.of(List.copyOf(values));
    }

    private static boolean passes(RuleFilter filter, RuleIncident incident) {
        return filter.matches(
                incident.source(), incident.category(), incident.priority(), incident.townCode());
    }

    private static Optional<List<String>> single(String value) {
        return value == null ? Optional.empty() : Optional.of(List.of(value));
    }
}
