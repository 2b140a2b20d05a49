package org.pingzhi.jobs.rules.diff;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pingzhi.common.output.AlertDocument;

/**
 * What the rules' alerts of two rules files' replays over the same history differ in, per rule:
 * alerts are matched by their id, and a matched alert is the same when every field but the rules
 * file's version agrees.
 *
 * @param rules every rule of either file (the old file's order, then the rules only the new one
 *     has)
 */
public record RulesDiff(List<RuleDiff> rules) {

    /** Fields that differ between two files' replays by construction, not by what the rules do. */
    private static final Set<String> IGNORED_FIELDS = Set.of("alertId", "ruleVersion");

    private static final List<RecordComponent> COMPARED_FIELDS =
            List.of(AlertDocument.class.getRecordComponents()).stream()
                    .filter(field -> !IGNORED_FIELDS.contains(field.getName()))
                    .toList();

    public RulesDiff {
        rules = List.copyOf(rules);
    }

    /** Which of the two files defines the rule. */
    public enum Presence {
        BOTH,
        ONLY_OLD,
        ONLY_NEW
    }

    /**
     * One file's replay.
     *
     * @param ruleIds the ids of the file's rules, in file order
     * @param alerts the replay's alerts (its SLA escalations are left out of the comparison)
     */
    public record Side(List<String> ruleIds, List<AlertDocument> alerts) {
        public Side {
            ruleIds = List.copyOf(ruleIds);
            alerts = List.copyOf(alerts);
        }
    }

    /** One field of an alert both replays raise, with its value in each. */
    public record FieldChange(String field, Object old, Object now) {}

    /**
     * An alert both replays raise, with different content.
     *
     * @param changes the fields that differ, in the document's order
     */
    public record ChangedAlert(AlertDocument old, AlertDocument now, List<FieldChange> changes) {
        public ChangedAlert {
            changes = List.copyOf(changes);
        }

        /** The names of the fields that differ. */
        public List<String> fields() {
            return changes.stream().map(FieldChange::field).toList();
        }
    }

    /** One rule's alerts: those of one replay only, those that changed, and how many agree. */
    public record RuleDiff(
            String ruleId,
            Presence presence,
            List<AlertDocument> onlyOld,
            List<AlertDocument> onlyNew,
            List<ChangedAlert> changed,
            int same) {

        public RuleDiff {
            onlyOld = List.copyOf(onlyOld);
            onlyNew = List.copyOf(onlyNew);
            changed = List.copyOf(changed);
        }

        /** Both replays raise exactly the same alerts for this rule. */
        public boolean isSame() {
            return onlyOld.isEmpty() && onlyNew.isEmpty() && changed.isEmpty();
        }
    }

    public static RulesDiff compare(Side old, Side now) {
        Map<String, Map<String, AlertDocument>> oldAlerts = byRuleAndId(old.alerts());
        Map<String, Map<String, AlertDocument>> newAlerts = byRuleAndId(now.alerts());
        Set<String> ruleIds = new LinkedHashSet<>(old.ruleIds());
        ruleIds.addAll(now.ruleIds());
        // a rule's alerts without the rule in its file cannot come from a replay; kept, not hidden
        ruleIds.addAll(oldAlerts.keySet());
        ruleIds.addAll(newAlerts.keySet());
        List<RuleDiff> rules = new ArrayList<>();
        for (String ruleId : ruleIds) {
            rules.add(
                    compareRule(
                            ruleId,
                            presence(ruleId, old, now),
                            oldAlerts.getOrDefault(ruleId, Map.of()),
                            newAlerts.getOrDefault(ruleId, Map.of())));
        }
        return new RulesDiff(rules);
    }

    private static Presence presence(String ruleId, Side old, Side now) {
        boolean inOld = old.ruleIds().contains(ruleId);
        boolean inNew = now.ruleIds().contains(ruleId);
        if (inOld == inNew) {
            return Presence.BOTH;
        }
        return inOld ? Presence.ONLY_OLD : Presence.ONLY_NEW;
    }

    private static RuleDiff compareRule(
            String ruleId,
            Presence presence,
            Map<String, AlertDocument> old,
            Map<String, AlertDocument> now) {
        List<AlertDocument> onlyOld = new ArrayList<>();
        List<ChangedAlert> changed = new ArrayList<>();
        int same = 0;
        for (AlertDocument alert : old.values()) {
            AlertDocument counterpart = now.get(alert.alertId());
            if (counterpart == null) {
                onlyOld.add(alert);
                continue;
            }
            List<FieldChange> changes = changes(alert, counterpart);
            if (changes.isEmpty()) {
                same++;
            } else {
                changed.add(new ChangedAlert(alert, counterpart, changes));
            }
        }
        List<AlertDocument> onlyNew =
                now.values().stream().filter(alert -> !old.containsKey(alert.alertId())).toList();
        return new RuleDiff(ruleId, presence, onlyOld, onlyNew, changed, same);
    }

    /** The rules' alerts by rule id, then by alert id in id order. */
    private static Map<String, Map<String, AlertDocument>> byRuleAndId(List<AlertDocument> alerts) {
        Map<String, Map<String, AlertDocument>> byRule = new LinkedHashMap<>();
        alerts.stream()
                .filter(alert -> !AlertDocument.SLA_ESCALATION_KIND.equals(alert.kind()))
                .sorted(Comparator.comparing(AlertDocument::alertId))
                .forEach(
                        alert ->
                                byRule.computeIfAbsent(alert.ruleId(), id -> new LinkedHashMap<>())
                                        .put(alert.alertId(), alert));
        return byRule;
    }

    private static List<FieldChange> changes(AlertDocument old, AlertDocument now) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent field : COMPARED_FIELDS) {
            Object before = value(field, old);
            Object after = value(field, now);
            if (!Objects.equals(before, after)) {
                changes.add(new FieldChange(field.getName(), before, after));
            }
        }
        return changes;
    }

    private static Object value(RecordComponent field, AlertDocument alert) {
        try {
            return field.getAccessor().invoke(alert);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read the alert's " + field.getName(), e);
        }
    }
}
