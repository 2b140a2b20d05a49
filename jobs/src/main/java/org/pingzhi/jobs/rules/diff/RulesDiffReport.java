package org.pingzhi.jobs.rules.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.jobs.rules.diff.RulesDiff.ChangedAlert;
import org.pingzhi.jobs.rules.diff.RulesDiff.FieldChange;
import org.pingzhi.jobs.rules.diff.RulesDiff.RuleDiff;

/** {@link RulesDiff} as the lines {@code pingzhi rules diff} prints. */
final class RulesDiffReport {

    /** Long or list-valued fields: a change is named, not shown. */
    private static final Set<String> NAMED_ONLY = Set.of("title", "message", "incidentIds");

    private RulesDiffReport() {}

    /** Per rule a summary line, then its alerts of one side only and its changed ones. */
    static List<String> lines(RulesDiff diff, TownDirectory towns) {
        List<String> lines = new ArrayList<>();
        for (RuleDiff rule : diff.rules()) {
            lines.add(summary(rule));
            rule.onlyOld().forEach(alert -> lines.add("  only old  " + describe(alert, towns)));
            rule.onlyNew().forEach(alert -> lines.add("  only new  " + describe(alert, towns)));
            rule.changed().forEach(changed -> lines.add("  changed   " + describe(changed)));
        }
        return lines;
    }

    static String summary(RuleDiff rule) {
        String where =
                switch (rule.presence()) {
                    case BOTH -> "";
                    case ONLY_OLD -> " (only in OLD)";
                    case ONLY_NEW -> " (only in NEW)";
                };
        String figures =
                rule.isSame()
                        ? "same (" + rule.same() + (rule.same() == 1 ? " alert)" : " alerts)")
                        : "only-old "
                                + rule.onlyOld().size()
                                + ", only-new "
                                + rule.onlyNew().size()
                                + ", changed "
                                + rule.changed().size()
                                + ", same "
                                + rule.same();
        return "rule " + rule.ruleId() + where + ": " + figures;
    }

    private static String describe(AlertDocument alert, TownDirectory towns) {
        String town =
                alert.townCode() == null
                        ? "-"
                        : towns.byCode(alert.townCode())
                                .map(Town::name)
                                .map(name -> name + " " + alert.townCode())
                                .orElse(alert.townCode());
        return alert.alertId()
                + "  window "
                + alert.windowStart()
                + " .. "
                + (alert.windowEnd() == null ? "(open)" : alert.windowEnd())
                + "  count "
                + (alert.count() == null ? "-" : alert.count())
                + "  town "
                + town;
    }

    private static String describe(ChangedAlert changed) {
        List<String> shown = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (FieldChange change : changed.changes()) {
            if (NAMED_ONLY.contains(change.field())) {
                named.add(change.field());
            } else {
                shown.add(change.field() + " " + change.old() + " -> " + change.now());
            }
        }
        if (!named.isEmpty()) {
            shown.add(String.join(", ", named) + " differ");
        }
        return changed.old().alertId() + "  " + String.join("; ", shown);
    }
}
