package org.pingzhi.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingzhi.common.model.Source;

/**
 * Who handles an incident: 12345 units by category path, 110 officers by alarm type (units.tsv).
 */
final class Units {

    static final String RESOURCE = "/simulate/units.tsv";
    private static final String FALLBACK = "*";

    private final Map<String, List<String>> byKey = new HashMap<>();

    private Units() {}

    static Units load() {
        Units units = new Units();
        for (String[] row : Tsv.rows(RESOURCE, 3)) {
            units.byKey
                    .computeIfAbsent(row[0] + "|" + row[1], key -> new ArrayList<>())
                    .add(row[2]);
        }
        if (!units.byKey.containsKey("12345|" + FALLBACK)
                || !units.byKey.containsKey("110|" + FALLBACK)) {
            throw new IllegalStateException(RESOURCE + " needs a '*' row for each source");
        }
        return units;
    }

    /**
     * The unit (12345) or officer (110) for a category path or alarm type: the longest matching
     * '/'-separated prefix wins.
     */
    String handler(Source source, String category, Town town, Dice dice) {
        List<String> candidates = null;
        for (String prefix = category; candidates == null; prefix = parent(prefix)) {
            candidates = byKey.get(source.code() + "|" + prefix);
        }
        return dice.pick(candidates)
                .replace("{town}", town.name())
                .replace("{short}", town.shortName())
                .replace("{station}", town.station());
    }

    private static String parent(String prefix) {
        int slash = prefix.lastIndexOf('/');
        return slash > 0 ? prefix.substring(0, slash) : FALLBACK;
    }
}
