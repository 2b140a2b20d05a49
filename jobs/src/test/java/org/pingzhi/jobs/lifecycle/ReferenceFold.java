package org.pingzhi.jobs.lifecycle;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.model.UnifiedStatus;

/**
 * The contract's fold and SLA written the plain way, for property tests to hold the real code
 * against: no shared helpers with it, the duplicate choice by reflection over the record's fields.
 */
final class ReferenceFold {

    /** The SLA fields of an incident document. */
    record Sla(String status, Double responseSeconds, String escalationLevel) {}

    private ReferenceFold() {}

    static IncidentState fold(String incidentId, List<UnifiedEvent> records) {
        Map<String, UnifiedEvent> distinct = new HashMap<>();
        for (UnifiedEvent record : records) {
            String key = record.source() + "/" + record.rawStatus() + "/" + record.eventTime();
            UnifiedEvent seen = distinct.get(key);
            if (seen == null || compareFields(record, seen) < 0) {
                distinct.put(key, record);
            }
        }
        List<UnifiedEvent> sorted = new ArrayList<>(distinct.values());
        sorted.sort(
                (a, b) -> {
                    if (a.eventTime() != b.eventTime()) {
                        return Long.compare(a.eventTime(), b.eventTime());
                    }
                    if (a.status() != b.status()) {
                        return Integer.compare(a.status().ordinal(), b.status().ordinal());
                    }
                    return compareFields(a, b);
                });

        Source own = incidentId.startsWith("110-") ? Source.POLICE_110 : Source.HOTLINE_12345;
        UnifiedStatus status = UnifiedStatus.REPORTED;
        Long cancelledAt = null;
        for (UnifiedEvent record : sorted) {
            if (status == UnifiedStatus.CANCELLED) {
                break;
            }
            if (record.status() == UnifiedStatus.CANCELLED) {
                if (status != UnifiedStatus.CLOSED) {
                    status = UnifiedStatus.CANCELLED;
                    cancelledAt = record.eventTime();
                }
            } else if (record.status() == UnifiedStatus.REOPENED) {
                if (status == UnifiedStatus.RESOLVED || status == UnifiedStatus.CLOSED) {
                    status = UnifiedStatus.DISPATCHED;
                }
            } else if (record.status().ordinal() > status.ordinal()) {
                status = record.status();
            }
        }

        UnifiedEvent ownReport = null;
        UnifiedEvent otherReport = null;
        for (UnifiedEvent record : sorted) {
            if (record.status() == UnifiedStatus.REPORTED) {
                if (record.source() == own && ownReport == null) {
                    ownReport = record;
                }
                if (record.source() != own && otherReport == null) {
                    otherReport = record;
                }
            }
        }
        UnifiedEvent report = ownReport != null ? ownReport : otherReport;
        UnifiedEvent first = sorted.get(0);
        ReportAttributes attributes =
                report == null
                        ? new ReportAttributes(
                                "OTHER",
                                null,
                                defaultPriority(own),
                                first.townCode(),
                                first.town(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)
                        : new ReportAttributes(
                                report.category() == null ? "OTHER" : report.category(),
                                report.rawCategory(),
                                report.priority() == null
                                        ? defaultPriority(report.source())
                                        : report.priority(),
                                report.townCode(),
                                report.town(),
                                report.village(),
                                report.gridCode(),
                                report.lat(),
                                report.lon(),
                                report.callerKey(),
                                report.summary());

        List<Source> sources = new ArrayList<>();
        for (Source source : List.of(Source.POLICE_110, Source.HOTLINE_12345)) {
            if (sorted.stream().anyMatch(record -> record.source() == source)) {
                sources.add(source);
            }
        }
        String alarmId = null;
        String orderId = null;
        String unit = null;
        for (UnifiedEvent record : sorted) {
            alarmId = alarmId == null ? record.alarmId() : alarmId;
            orderId = orderId == null ? record.orderId() : orderId;
            unit = record.unit() == null ? unit : record.unit();
        }
        return new IncidentState(
                incidentId,
                own,
                sources,
                alarmId,
                orderId,
                attributes,
                status,
                ownReport != null ? ownReport.eventTime() : first.eventTime(),
                new Milestones(
                        earliest(sorted, UnifiedStatus.DISPATCHED),
                        earliest(sorted, UnifiedStatus.ACCEPTED),
                        earliest(sorted, UnifiedStatus.ON_SCENE),
                        earliest(sorted, UnifiedStatus.RESOLVED),
                        earliest(sorted, UnifiedStatus.CLOSED),
                        cancelledAt),
                unit,
                sorted.get(sorted.size() - 1).eventTime());
    }

    /** The contract's SLA fields at {@code now}, for a target of {@code targetMillis}. */
    static Sla sla(IncidentState state, long targetMillis, long now) {
        long report = state.reportedAt();
        long deadline = report + targetMillis;
        long city = report + 2 * targetMillis;
        Milestones milestones = state.milestones();
        long firstResponse =
                Math.min(
                        nullToMax(milestones.onSceneAt()),
                        Math.min(
                                nullToMax(milestones.resolvedAt()),
                                nullToMax(milestones.closedAt())));
        Long responded = firstResponse == Long.MAX_VALUE ? null : firstResponse;
        Long cancelled = state.milestones().cancelledAt();
        if (cancelled != null
                && cancelled <= deadline
                && (responded == null || cancelled < responded)) {
            return new Sla("VOID", null, "NONE");
        }
        Double seconds = responded == null ? null : (responded - report) / 1000.0;
        if (responded != null && responded <= deadline) {
            return new Sla("MET", seconds, "NONE");
        }
        if (now < deadline) {
            return new Sla("PENDING", seconds, "NONE");
        }
        long stop = Math.min(nullToMax(responded), nullToMax(cancelled));
        return new Sla("BREACHED", seconds, now >= city && stop > city ? "CITY" : "TOWN");
    }

    private static Long earliest(List<UnifiedEvent> sorted, UnifiedStatus status) {
        return sorted.stream()
                .filter(record -> record.status() == status)
                .map(UnifiedEvent::eventTime)
                .min(Long::compare)
                .orElse(null);
    }

    private static long nullToMax(Long time) {
        return time == null ? Long.MAX_VALUE : time;
    }

    private static Priority defaultPriority(Source source) {
        return source == Source.POLICE_110 ? Priority.P2 : Priority.P3;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareFields(UnifiedEvent a, UnifiedEvent b) {
        try {
            for (RecordComponent component : UnifiedEvent.class.getRecordComponents()) {
                Object x = component.getAccessor().invoke(a);
                Object y = component.getAccessor().invoke(b);
                if (x == null || y == null) {
                    if (x != y) {
                        return x == null ? -1 : 1;
                    }
                } else {
                    int order = ((Comparable) x).compareTo(y);
                    if (order != 0) {
                        return order;
                    }
                }
            }
            return 0;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
