package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.T0;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.lifecycle.TestEvents;

/**
 * Whatever order records arrive in and however event time advances, the documents the two stages
 * leave (last write per id, deletions removing) are those computed at once from the incidents'
 * final state, when every change lies within the lateness bound.
 */
class MinuteMetricsPropertyTest {

    private static final long LATENESS = 3 * 60 * MINUTE;
    private static final long STEP = 15_000;
    private static final List<String> STATUSES =
            List.of(
                    "RECEIVED",
                    "RECEIVED",
                    "DISPATCHED",
                    "ARRIVED",
                    "FINISHED",
                    "CLOSED",
                    "CANCELLED");
    private static final List<String> TOWNS = List.of("当湖街道", "乍浦镇");
    private static final List<String> CATEGORIES = List.of("FIRE_SAFETY", "DISPUTE");

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void finalDocumentsAreThoseOfTheFinalIncidents(boolean live) throws Exception {
        for (int seed = 0; seed < 25; seed++) {
            Random random = new Random(seed);
            Map<String, List<UnifiedEvent>> all = new TreeMap<>();
            List<UnifiedEvent> arrivals = new ArrayList<>();
            for (int n = 0; n < 12; n++) {
                List<UnifiedEvent> records = incident(random, n);
                all.put(records.get(0).incidentId(), records);
                arrivals.addAll(records);
            }
            Collections.shuffle(arrivals, random);
            long horizon = arrivals.stream().mapToLong(UnifiedEvent::eventTime).max().orElseThrow();

            MetricsHarness harness = new MetricsHarness(LATENESS);
            Map<String, List<UnifiedEvent>> seen = new HashMap<>();
            long watermark = Long.MIN_VALUE;
            for (UnifiedEvent record : arrivals) {
                seen.computeIfAbsent(record.incidentId(), id -> new ArrayList<>()).add(record);
                long judgedAt = Math.max(watermark, T0);
                harness.send(judged(seen.get(record.incidentId()), judgedAt));
                if (live) {
                    long next = record.eventTime() - random.nextInt(20) * STEP;
                    if (next > watermark) {
                        watermark = next;
                        // The lifecycle re-judges its incidents as time passes their deadlines.
                        for (List<UnifiedEvent> records : seen.values()) {
                            harness.send(judged(records, watermark));
                        }
                        harness.watermark(watermark);
                    }
                }
            }
            Map<String, IncidentBookings> finals = new TreeMap<>();
            all.forEach((id, records) -> finals.put(id, judged(records, horizon)));
            for (IncidentBookings bookings : finals.values()) {
                harness.send(bookings);
            }
            harness.watermark(Long.MAX_VALUE);

            assertThat(harness.documents())
                    .as("seed %d", seed)
                    .isEqualTo(expected(finals.values()));
            assertThat(harness.timers()).as("seed %d", seed).isZero();
        }
    }

    private static IncidentBookings judged(List<UnifiedEvent> records, long at) {
        return Judged.bookings(at, records.toArray(UnifiedEvent[]::new));
    }

    private static List<UnifiedEvent> incident(Random random, int n) {
        long start = T0 + random.nextInt(120) * STEP;
        String town = TOWNS.get(random.nextInt(TOWNS.size()));
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        List<UnifiedEvent> records = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String status = STATUSES.get(random.nextInt(STATUSES.size()));
            long at = i == 0 ? start : start + random.nextInt(80) * STEP;
            // The town of a late report differs now and then: the incident moves group.
            String recordTown = random.nextInt(6) == 0 ? TOWNS.get(random.nextInt(2)) : town;
            records.add(
                    TestEvents.police("J" + n, status, at)
                            .town(recordTown)
                            .category(category, category)
                            .build());
        }
        return records;
    }

    /** The documents of the final incidents, computed directly from the contract's definitions. */
    private static Map<String, MinuteMetric> expected(Iterable<IncidentBookings> incidents) {
        Map<String, MinuteMetric> documents = new HashMap<>();
        Map<String, MetricGroup> groups = new HashMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, List<Long>> responses = new HashMap<>();
        for (IncidentBookings incident : incidents) {
            groups.put(incident.group().key(), incident.group());
            count(counts, incident, incident.reportedAt(), 0);
            if (incident.respondedAt() != null) {
                count(counts, incident, incident.respondedAt(), 1);
                responses
                        .computeIfAbsent(
                                idOf(incident.group(), incident.respondedAt()),
                                id -> new ArrayList<>())
                        .add(incident.responseMillis());
            }
            if (incident.metAt() != null) {
                count(counts, incident, incident.metAt(), 2);
            }
            if (incident.breachedAt() != null) {
                count(counts, incident, incident.breachedAt(), 3);
            }
        }
        counts.forEach(
                (id, c) -> {
                    String[] parts = id.split(":", 2);
                    long ts = Long.parseLong(parts[0]);
                    MetricGroup group = groups.get(parts[1]);
                    List<Long> millis = responses.getOrDefault(id, List.of());
                    long open = 0;
                    for (IncidentBookings incident : incidents) {
                        long end = ts + MINUTE;
                        boolean ended = incident.endedAt() != null && incident.endedAt() <= end;
                        if (incident.group().equals(group)
                                && incident.reportedAt() <= end
                                && !ended) {
                            open++;
                        }
                    }
                    documents.put(
                            id,
                            new MinuteMetric(
                                    ts,
                                    group,
                                    (int) c[0],
                                    (int) c[1],
                                    (int) c[2],
                                    (int) c[3],
                                    millis.stream().mapToLong(Long::longValue).sum(),
                                    millis.stream().max(Long::compare).orElse(null),
                                    open));
                });
        return documents;
    }

    private static void count(
            Map<String, long[]> counts, IncidentBookings incident, long instant, int field) {
        counts.computeIfAbsent(idOf(incident.group(), instant), id -> new long[4])[field]++;
    }

    private static String idOf(MetricGroup group, long instant) {
        return Math.floorDiv(instant, MINUTE) * MINUTE + ":" + group.key();
    }
}
