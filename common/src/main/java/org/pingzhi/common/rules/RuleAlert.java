package org.pingzhi.common.rules;

import java.util.List;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;

/**
 * The alert of one rule, group and episode, a {@code pingzhi-alerts} document and an alerts-topic
 * message (contract rules.md, "Alerts of rules"); {@code _id} is {@link #alertId}.
 *
 * <p>{@code OPEN} until the episode is resolved, then {@code RESOLVED} with {@code resolvedAt}.
 * Times are ISO-8601 UTC with milliseconds.
 */
public record RuleAlert(
        String alertId,
        String kind,
        String ruleId,
        String ruleVersion,
        String severity,
        String level,
        String townCode,
        String category,
        String title,
        String message,
        List<String> incidentIds,
        String windowStart,
        String windowEnd,
        Long count,
        String firedAt,
        String status,
        String resolvedAt) {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    public RuleAlert {
        incidentIds = List.copyOf(incidentIds);
    }

    /** The alert of {@code episode} of {@code rule}, from the rules file of {@code ruleVersion}. */
    public static RuleAlert of(
            Rule rule, String ruleVersion, RuleEpisode episode, TownDirectory towns) {
        RuleAlertTexts texts = new RuleAlertTexts(rule, episode, towns);
        return new RuleAlert(
                alertId(rule.id(), episode.group(), episode.start()),
                rule.kind().name(),
                rule.id(),
                ruleVersion,
                rule.severity().name(),
                rule.level().name(),
                episode.townCode(),
                episode.category(),
                texts.title(),
                texts.message(),
                episode.incidentIds(),
                Times.iso(episode.windowStart()),
                Times.isoOrNull(episode.windowEnd()),
                episode.count(),
                Times.iso(episode.firedAt()),
                episode.resolved() ? RESOLVED : OPEN,
                Times.isoOrNull(episode.resolvedAt()));
    }

    /**
     * {@code rule:<ruleId>:<group>:<startEpochMillis>}, the group's values joined by {@code |}, a
     * {@code %} in a value written {@code %25} and a {@code |} written {@code %7C}.
     */
    public static String alertId(String ruleId, List<String> group, long startEpochMillis) {
        StringBuilder id = new StringBuilder("rule:").append(ruleId).append(':');
        for (int i = 0; i < group.size(); i++) {
            if (i > 0) {
                id.append('|');
            }
            id.append(group.get(i).replace("%", "%25").replace("|", "%7C"));
        }
        return id.append(':').append(startEpochMillis).toString();
    }

    /** This alert as its JSON document. */
    public String toJson() {
        return Json.toString(this);
    }
}
