package org.pingzhi.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The one table {@code pingzhi bench replay} prints: a figure per row. */
final class BenchReport {

    private BenchReport() {}

    static String table(
            String heap,
            ParseCeiling.Result ceiling,
            ReplayRun.Result replay,
            StateFootprint.Result state,
            int cores) {
        double replayPerSecond = ceiling.lines() / replay.seconds();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("records", number(ceiling.lines()));
        rows.put("replay wall", String.format(Locale.ROOT, "%.1f s", replay.seconds()));
        rows.put("replay records/s", number(Math.round(replayPerSecond)));
        rows.put(
                "parse ceiling lines/s",
                number(Math.round(ceiling.linesPerSecond())) + " (Jackson tree, one thread)");
        rows.put(
                "replay / ceiling",
                String.format(
                        Locale.ROOT, "%.1f %%", 100 * replayPerSecond / ceiling.linesPerSecond()));
        rows.put("peak RSS", number(replay.peakRssMib()) + " MiB (-Xmx" + heap + ")");
        rows.put(
                "state per open incident",
                number(state.heapBytesPerIncident())
                        + " B heap / "
                        + number(state.rocksDbBytesPerIncident())
                        + " B RocksDB snapshot ("
                        + number(state.openIncidents())
                        + " incidents)");
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

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
