package org.pingzhi.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One simulated week at the default volume, generated once for the tests that study it. */
final class TrafficSample {

    static final Instant START = Instant.parse("2026-11-27T16:00:00Z"); // 2026-11-28 00:00 +08:00
    static final Duration LENGTH = Duration.ofDays(7);
    static final SimulationSettings SETTINGS =
            SimulationSettings.of(20261128L, START).withDuration(LENGTH);

    private static List<SimulatedRecord> records;
    private static List<Observed> originals;

    private TrafficSample() {}

    static synchronized List<SimulatedRecord> records() {
        if (records == null) {
            List<SimulatedRecord> all = new ArrayList<>();
            new TrafficSimulator(SETTINGS).forEach(all::add);
            records = List.copyOf(all);
        }
        return records;
    }

    /** The valid records, each once (no redelivered duplicates), in emission order. */
    static synchronized List<Observed> originals() {
        if (originals == null) {
            originals =
                    records().stream()
                            .filter(record -> !record.malformed() && !record.duplicate())
                            .map(Observed::read)
                            .toList();
        }
        return originals;
    }

    /** The valid records by incident id, each incident's in event-time order. */
    static Map<String, List<Observed>> incidents() {
        Map<String, List<Observed>> incidents = new LinkedHashMap<>();
        for (Observed record : originals()) {
            incidents.computeIfAbsent(record.incidentId(), id -> new ArrayList<>()).add(record);
        }
        incidents
                .values()
                .forEach(list -> list.sort(Comparator.comparingLong(Observed::eventTime)));
        return incidents;
    }

    /** The ids whose records include a malformed one: their valid records are not all there. */
    static Set<String> idsWithMalformedRecords() {
        return records().stream()
                .filter(SimulatedRecord::malformed)
                .map(SimulatedRecord::key)
                .collect(Collectors.toSet());
    }

    static long endMillis() {
        return START.plus(LENGTH).toEpochMilli();
    }
}
