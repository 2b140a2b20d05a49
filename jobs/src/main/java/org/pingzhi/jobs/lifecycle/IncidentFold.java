package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.model.UnifiedStatus;

/**
 * The incident fold of the contract ("Unified lifecycle", "The response SLA"): the set of an
 * incident's records gives its state, whatever order they arrived in.
 *
 * <ul>
 *   <li>Duplicates (same {@link UnifiedEvent#duplicateKey()}) count once; when they differ in
 *       content the smallest by {@link EventOrder#TOTAL} counts.
 *   <li>Records apply in {@link EventOrder#APPLICATION} order. Status only moves forward along
 *       REPORTED..CLOSED; REOPEN takes RESOLVED or CLOSED back to DISPATCHED and does nothing
 *       otherwise; CANCELLED applies at any status but CLOSED and is final. An incident whose
 *       report record is missing starts at REPORTED all the same.
 *   <li>Category, priority, town and the other report attributes come from the earliest report
 *       record of the incident's own source, else from the other source's, else {@link
 *       ReportAttributes#withoutReport}.
 *   <li>The clock starts at the own source's report record, else at the earliest record.
 *   <li>{@code alarmId}/{@code orderId}: the first known in application order; {@code unit}: the
 *       last known; {@code updatedAt}: the latest event time of all records.
 * </ul>
 */
public final class IncidentFold {

    private IncidentFold() {}

    public static IncidentState fold(String incidentId, Collection<UnifiedEvent> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException(
                    "An incident needs at least one record: " + incidentId);
        }
        Source ownSource = ownSource(incidentId);
        List<UnifiedEvent> applied = distinctInApplicationOrder(records);
        UnifiedEvent earliest = applied.get(0);
        UnifiedEvent ownReport = firstReport(applied, ownSource, true);
        UnifiedEvent otherReport = firstReport(applied, ownSource, false);
        ReportAttributes report =
                ownReport != null
                        ? ReportAttributes.of(ownReport)
                        : otherReport != null
                                ? ReportAttributes.of(otherReport)
                                : ReportAttributes.withoutReport(earliest, ownSource);
        StatusWalk walk = StatusWalk.over(applied);
        return new IncidentState(
                incidentId,
                ownSource,
                sourcesOf(applied),
                firstKnown(applied, UnifiedEvent::alarmId),
                firstKnown(applied, UnifiedEvent::orderId),
                report,
                walk.status(),
                ownReport != null ? ownReport.eventTime() : earliest.eventTime(),
                walk.milestones(),
                lastKnown(applied, UnifiedEvent::unit),
                applied.get(applied.size() - 1).eventTime());
    }

    /** The source an incident began at, from its id prefix ({@code 110-} or {@code 12345-}). */
    public static Source ownSource(String incidentId) {
        for (Source source : Source.values()) {
            if (incidentId.startsWith(source.code() + "-")) {
                return source;
            }
        }
        throw new IllegalArgumentException("Not an incident id: " + incidentId);
    }

    static List<UnifiedEvent> distinctInApplicationOrder(Collection<UnifiedEvent> records) {
        Map<String, UnifiedEvent> byKey = new HashMap<>();
        for (UnifiedEvent record : records) {
            byKey.merge(record.duplicateKey(), record, EventOrder::preferred);
        }
        List<UnifiedEvent> applied = new ArrayList<>(byKey.values());
        applied.sort(EventOrder.APPLICATION);
        return applied;
    }

    private static UnifiedEvent firstReport(
            List<UnifiedEvent> applied, Source ownSource, boolean fromOwnSource) {
        for (UnifiedEvent record : applied) {
            if (record.isReport() && (record.source() == ownSource) == fromOwnSource) {
                return record;
            }
        }
        return null;
    }

    private static List<Source> sourcesOf(List<UnifiedEvent> applied) {
        Set<Source> sources = EnumSet.noneOf(Source.class);
        applied.forEach(record -> sources.add(record.source()));
        return List.copyOf(sources);
    }

    private static String firstKnown(
            List<UnifiedEvent> applied, Function<UnifiedEvent, String> field) {
        for (UnifiedEvent record : applied) {
            if (field.apply(record) != null) {
                return field.apply(record);
            }
        }
        return null;
    }

    private static String lastKnown(
            List<UnifiedEvent> applied, Function<UnifiedEvent, String> field) {
        for (int i = applied.size() - 1; i >= 0; i--) {
            if (field.apply(applied.get(i)) != null) {
                return field.apply(applied.get(i));
            }
        }
        return null;
    }

    /**
     * The status machine run over the records in application order. It needs only each record's
     * status and event time, so an {@link IncidentSummary} can run it too.
     */
    static final class StatusWalk {
        private UnifiedStatus status = UnifiedStatus.REPORTED;
        private Long cancelledAt;
        private final Map<UnifiedStatus, Long> earliest = new EnumMap<>(UnifiedStatus.class);

        static StatusWalk over(List<UnifiedEvent> applied) {
            StatusWalk walk = new StatusWalk();
            applied.forEach(record -> walk.apply(record.status(), record.eventTime()));
            return walk;
        }

        /** Applies the next record in application order. */
        void apply(UnifiedStatus recordStatus, long eventTime) {
            earliest.putIfAbsent(recordStatus, eventTime);
            switch (recordStatus) {
                case CANCELLED -> {
                    if (status != UnifiedStatus.CLOSED && status != UnifiedStatus.CANCELLED) {
                        status = UnifiedStatus.CANCELLED;
                        cancelledAt = eventTime;
                    }
                }
                case REOPENED -> {
                    if (status == UnifiedStatus.RESOLVED || status == UnifiedStatus.CLOSED) {
                        status = UnifiedStatus.DISPATCHED;
                    }
                }
                default -> {
                    if (status != UnifiedStatus.CANCELLED
                            && recordStatus.ordinal() > status.ordinal()) {
                        status = recordStatus;
                    }
                }
            }
        }

        UnifiedStatus status() {
            return status;
        }

        Milestones milestones() {
            return new Milestones(
                    earliest.get(UnifiedStatus.DISPATCHED),
                    earliest.get(UnifiedStatus.ACCEPTED),
                    earliest.get(UnifiedStatus.ON_SCENE),
                    earliest.get(UnifiedStatus.RESOLVED),
                    earliest.get(UnifiedStatus.CLOSED),
                    cancelledAt);
        }
    }
}
