package org.pingzhi.jobs.lifecycle;

import static org.pingzhi.jobs.lifecycle.TestEvents.T0;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.UnifiedEvent;

/**
 * Random incidents for property tests: both sources, handovers, duplicates (identical and differing
 * in content), cancellations, reopens, missing report records. Times lie on a 30 s grid so that
 * ties and records exactly at the warning, deadline and CITY instants are common.
 */
final class RandomIncidents {

    static final long STEP = 30_000;

    private static final List<String> POLICE_STATUSES =
            List.of(
                    "RECEIVED",
                    "DISPATCHED",
                    "TRANSFERRED_12345",
                    "ARRIVED",
                    "FINISHED",
                    "CLOSED",
                    "CANCELLED");
    private static final List<String> HOTLINE_ACTIONS =
            List.of(
                    "CREATE", "ASSIGN", "SIGN", "ARRIVE", "REPLY", "CLOSE", "REOPEN", "REOPEN",
                    "REVOKE");
    private static final List<String> CATEGORIES =
            Arrays.asList("FIRE_SAFETY", "DISPUTE", "TRAFFIC", "OTHER", null);
    private static final List<String> UNITS = Arrays.asList("一组", "二组", "服务队", null, null);
    private static final List<String> TOWNS = List.copyOf(TestEvents.TOWNS.keySet());

    private final Random random;

    RandomIncidents(Random random) {
        this.random = random;
    }

    /** The records of incident number {@code n}, in no particular order. */
    List<UnifiedEvent> incident(int n) {
        boolean police = random.nextBoolean();
        boolean handover = police && random.nextInt(3) == 0;
        String alarmId = "J" + n;
        String orderId = "PH" + n;
        // A few fresh incidents at the end of the stream, whose deadline lies beyond its horizon.
        boolean fresh = random.nextInt(12) == 0;
        long start = T0 + (fresh ? 170 : random.nextInt(120)) * STEP;
        int spread = fresh ? 4 : 60;
        List<UnifiedEvent> records = new ArrayList<>();
        if (random.nextInt(4) != 0) {
            records.add(
                    police
                            ? police(alarmId, "RECEIVED", start)
                            : hotline(orderId, null, "CREATE", start));
        }
        if (handover && random.nextInt(4) != 0) {
            records.add(hotline(orderId, alarmId, "CREATE", later(start, spread)));
        }
        int more = records.isEmpty() ? 1 + random.nextInt(7) : random.nextInt(8);
        for (int i = 0; i < more; i++) {
            boolean fromHotline = !police || (handover && random.nextBoolean());
            records.add(
                    fromHotline
                            ? hotline(
                                    orderId,
                                    handover ? alarmId : null,
                                    pick(HOTLINE_ACTIONS),
                                    later(start, spread))
                            : police(alarmId, pick(POLICE_STATUSES), later(start, spread)));
        }
        for (UnifiedEvent record : List.copyOf(records)) {
            if (random.nextInt(7) == 0) {
                records.add(record);
            }
            if (random.nextInt(10) == 0) {
                records.add(variant(record));
            }
        }
        return records;
    }

    private long later(long start, int spread) {
        return start + random.nextInt(spread) * STEP;
    }

    private UnifiedEvent police(String alarmId, String status, long at) {
        return decorate(TestEvents.police(alarmId, status, at)).build();
    }

    private UnifiedEvent hotline(String orderId, String linkedAlarmId, String action, long at) {
        TestEvents.Builder builder = TestEvents.hotline(orderId, action, at);
        if (linkedAlarmId != null) {
            builder.linkedTo(linkedAlarmId);
        }
        return decorate(builder).build();
    }

    private TestEvents.Builder decorate(TestEvents.Builder builder) {
        String category = pick(CATEGORIES);
        builder.category(category, category == null ? null : "raw-" + category)
                .town(pick(TOWNS))
                .unit(pick(UNITS));
        if (random.nextBoolean()) {
            builder.priority(Priority.values()[random.nextInt(3)]);
        }
        if (random.nextInt(3) == 0) {
            builder.location(30 + random.nextInt(100) / 100.0, 121 + random.nextInt(100) / 100.0);
        }
        if (random.nextInt(3) == 0) {
            builder.village("村" + random.nextInt(3));
        }
        return builder;
    }

    /** The same upstream status and time (a duplicate) with other content. */
    private UnifiedEvent variant(UnifiedEvent record) {
        return new UnifiedEvent(
                record.incidentId(),
                record.source(),
                record.status(),
                record.rawStatus(),
                record.eventTime(),
                record.alarmId(),
                record.orderId(),
                pick(CATEGORIES),
                record.rawCategory(),
                record.priority(),
                record.townCode(),
                record.town(),
                "村" + random.nextInt(3),
                record.gridCode(),
                record.lat(),
                record.lon(),
                record.callerKey(),
                record.summary(),
                pick(UNITS),
                record.channel(),
                record.seq());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
