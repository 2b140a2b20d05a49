package org.pingzhi.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pingzhi.common.rules.RulesFile;

/** The one table {@code pingzhi bench replay} prints: a figure per row. */
final class BenchReport {

    private BenchReport() {}

    /** The same input replayed without rules and with {@code rules}. */
    record Replays(ReplayRun.Result withoutRules, ReplayRun.Result withRules, RulesFile rules) {}

    static String table(
            String heap,
            ParseCeiling.Result ceiling,
            Replays replays,
            StateFootprint.Result state,
            RuleStateFootprint.Result ruleState,
            int cores) {
        ReplayRun.Result replay = replays.withoutRules();
        double replayPerSecond = ceiling.lines() / replay.seconds();
        double withRulesPerSecond = ceiling.lines() / replays.withRules().seconds();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("records", number(ceiling.lines()));
        rows.put("replay wall", String.format(Locale.ROOT, "%.1f s", replay.seconds()));
        rows.put("replay records/s", number(Math.round(replayPerSecond)) + " (no rules)");
        rows.put(
                "replay records/s with rules",
                String.format(
                        Locale.ROOT,
                        "%s (%s, %d rules, %.1f %% of no rules)",
                        number(Math.round(withRulesPerSecond)),
                        replays.rules().version(),
                        replays.rules().rules().size(),
                        100 * withRulesPerSecond / replayPerSecond));
        rows.put(
                "parse ceiling lines/s",
                number(Math.round(ceiling.linesPerSecond())) + " (Jackson tree, one thread)");
        rows.put(
                "replay / ceiling",
                String.format(
                        Locale.ROOT, "%.1f %%", 100 * replayPerSecond / ceiling.linesPerSecond()));
        rows.put("peak RSS", number(replay.peakRssMib()) + " MiB (-Xmx" + heap + ")");
        rows.put("peak RSS with rules", number(replays.withRules().peakRssMib()) + " MiB");
        rows.put(
                "state per open incident",
                perKey(
                        state.heapBytesPerIncident(),
                        state.rocksDbBytesPerIncident(),
                        state.openIncidents(),
                        "incidents"));
        ruleState
                .groups()
                .forEach(
                        (kind, groups) ->
                                rows.put(
                                        "rule state per " + kind + " group",
                                        perKey(groups, "groups")));
        rows.put("rule routing per incident", perKey(ruleState.routedIncidents(), "incidents"));
        rows.put("cores", Integer.toString(cores));
        return render(rows);
    }

    /** Rows of a figure each, the names in one column. */
    static String render(Map<String, String> rows) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder table = new StringBuilder();
        rows.forEach(
                (name, value) ->
                        table.append(
                                String.format(Locale.ROOT, "%-" + width + "s  %s%n", name, value)));
        return table.toString();
    }

    private static String perKey(RuleStateFootprint.PerKey figure, String keys) {
        return perKey(figure.heapBytesPerKey(), figure.rocksDbBytesPerKey(), figure.keys(), keys);
    }

    private static String perKey(long heapBytes, long rocksDbBytes, long count, String keys) {
        return number(heapBytes)
                + " B heap / "
                + number(rocksDbBytes)
                + " B RocksDB snapshot ("
                + number(count)
                + " "
                + keys
                + ")";
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
