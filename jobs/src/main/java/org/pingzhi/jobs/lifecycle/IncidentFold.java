package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return folded(incidentId, records).state(incidentId);
    }

    /** The fold of all the records, in application order, one after the other. */
    public static FoldedIncident folded(String incidentId, Iterable<UnifiedEvent> records) {
        List<UnifiedEvent> applied = distinctInApplicationOrder(records);
        if (applied.isEmpty()) {
            throw new IllegalArgumentException(
                    "An incident needs at least one record: " + incidentId);
        }
        Source ownSource = ownSource(incidentId);
        FoldedIncident folded = FoldedIncident.first(applied.get(0), ownSource);
        for (UnifiedEvent record : applied.subList(1, applied.size())) {
            folded = folded.then(record, ownSource);
        }
        return folded;
    }

    /**
     * The incident with one more distinct record (its duplicate key new to the incident): applied
     * on top of {@code folded} when it comes after all records applied so far, which is the common
     * case; otherwise folded anew from {@code records}, all of them, {@code added} included.
     *
     * @param folded the fold of the records before {@code added}; null when there were none
     * @param records read only when the incident is folded anew
     */
    public static FoldedIncident withRecord(
            String incidentId,
            FoldedIncident folded,
            UnifiedEvent added,
            Iterable<UnifiedEvent> records) {
        if (folded == null) {
            return FoldedIncident.first(added, ownSource(incidentId));
        }
        return folded.appliesAfter(added)
                ? folded.then(added, ownSource(incidentId))
                : folded(incidentId, records);
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

    static List<UnifiedEvent> distinctInApplicationOrder(Iterable<UnifiedEvent> records) {
        Map<String, UnifiedEvent> byKey = new HashMap<>();
        for (UnifiedEvent record : records) {
            byKey.merge(record.duplicateKey(), record, EventOrder::preferred);
        }
        List<UnifiedEvent> applied = new ArrayList<>(byKey.values());
        applied.sort(EventOrder.APPLICATION);
        return applied;
    }

    /**
     * The status machine run over the records in application order. It needs only each record's
     * status and event time, so an {@link IncidentSummary} can run it too.
     */
    static final class StatusWalk {
        private UnifiedStatus status = UnifiedStatus.REPORTED;
        private Long cancelledAt;
        private final Map<UnifiedStatus, Long> earliest = new EnumMap<>(UnifiedStatus.class);

        /** The walk as it stood at {@code status} with these milestones. */
        static StatusWalk resume(UnifiedStatus status, Milestones milestones) {
            StatusWalk walk = new StatusWalk();
            walk.status = status;
            walk.cancelledAt = milestones.cancelledAt();
            walk.reached(UnifiedStatus.DISPATCHED, milestones.dispatchedAt());
            walk.reached(UnifiedStatus.ACCEPTED, milestones.acceptedAt());
            walk.reached(UnifiedStatus.ON_SCENE, milestones.onSceneAt());
            walk.reached(UnifiedStatus.RESOLVED, milestones.resolvedAt());
            walk.reached(UnifiedStatus.CLOSED, milestones.closedAt());
            return walk;
        }

        private void reached(UnifiedStatus milestone, Long at) {
            if (at != null) {
                earliest.put(milestone, at);
            }
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
