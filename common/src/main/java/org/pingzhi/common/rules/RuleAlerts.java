package org.pingzhi.common.rules;

import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.common.output.AlertStatus;

/**
 * The alert of one rule, group and episode (contract rules.md, "Alerts of rules"): {@code OPEN}
 * until the episode is resolved, then {@code RESOLVED} with {@code resolvedAt}. Times are ISO-8601
 * UTC with milliseconds.
 */
public final class RuleAlerts {

    private RuleAlerts() {}

    /** The alert of {@code episode} of {@code rule}, from the rules file of {@code ruleVersion}. */
    public static AlertDocument of(
            Rule rule, String ruleVersion, RuleEpisode episode, TownDirectory towns) {
        RuleAlertTexts texts = new RuleAlertTexts(rule, episode, towns);
        return new AlertDocument(
                AlertDocument.ruleAlertId(rule.id(), episode.group(), episode.start()),
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
                (episode.resolved() ? AlertStatus.RESOLVED : AlertStatus.OPEN).name(),
                Times.isoOrNull(episode.resolvedAt()));
    }
}
