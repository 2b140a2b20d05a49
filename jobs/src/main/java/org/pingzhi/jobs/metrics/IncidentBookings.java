package org.pingzhi.jobs.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.jobs.lifecycle.IncidentFold;
import org.pingzhi.jobs.sla.SlaStatus;

/**
 * What one incident, as it stands, books in its group's minutes (contract "What a metric document
 * counts"): each count at the event time it happened at, and the interval it is open in. A Flink
 * POJO (the last bookings of each incident are keyed state).
 *
 * @param incidentId the incident
 * @param group its final town, own source and category
 * @param reportedAt the clock start: {@code reported}
 * @param respondedAt the clock stop when it counts as responded ({@code responded}; not when VOID),
 *     else null
 * @param responseMillis report to response, with {@code respondedAt}
 * @param metAt the response, when MET ({@code slaMet}), else null
 * @param breachedAt the deadline, when BREACHED ({@code slaBreached}), else null
 * @param endedAt the earliest RESOLVED, CLOSED or CANCELLED, null while there is none: the incident
 *     is open from {@code reportedAt} (inclusive) to {@code endedAt} (exclusive)
 * @param keptUntil until when the lifecycle may still change the incident's document ({@link
 *     org.pingzhi.jobs.lifecycle.LifecycleSettings#documentChangesUntil}): its bookings are kept
 *     that long, so that no later change of it books it again as a new incident
 */
public record IncidentBookings(
        String incidentId,
        MetricGroup group,
        long reportedAt,
        Long respondedAt,
        Long responseMillis,
        Long metAt,
        Long breachedAt,
        Long endedAt,
        long keptUntil) {

    /**
     * The bookings of an incident as its document says it is, with its SLA as judged: the same for
     * a live incident and for one already cleaned up (its summary's document).
     */
    public static IncidentBookings of(IncidentDocument incident, long keptUntil) {
        MetricGroup group =
                new MetricGroup(
                        incident.townCode(),
                        incident.town(),
                        IncidentFold.ownSource(incident.incidentId()).code(),
                        incident.category());
        long reportedAt = Times.parseIso(incident.reportedAt());
        // responseSeconds is null while unresponded and when VOID: no response is booked then
        Long respondedAt =
                incident.responseSeconds() == null ? null : instant(incident.respondedAt());
        return new IncidentBookings(
                incident.incidentId(),
                group,
                reportedAt,
                respondedAt,
                respondedAt == null ? null : respondedAt - reportedAt,
                SlaStatus.MET.name().equals(incident.slaStatus()) ? respondedAt : null,
                SlaStatus.BREACHED.name().equals(incident.slaStatus())
                        ? instant(incident.slaDeadline())
                        : null,
                earliest(
                        earliest(instant(incident.resolvedAt()), instant(incident.closedAt())),
                        instant(incident.cancelledAt())),
                keptUntil);
    }

    public IncidentBookings withKeptUntil(long until) {
        return new IncidentBookings(
                incidentId,
                group,
                reportedAt,
                respondedAt,
                responseMillis,
                metAt,
                breachedAt,
                endedAt,
                until);
    }

    /** Whether {@code other} books the same counts and open interval in the same group. */
    public boolean booksTheSameAs(IncidentBookings other) {
        return other != null && equals(other.withKeptUntil(keptUntil));
    }

    /** The counts this incident adds to each minute it is booked in (minute start to counts). */
    public Map<Long, MinuteCounts> counts() {
        Map<Long, MinuteCounts> counts = new TreeMap<>();
        add(counts, reportedAt, MinuteCounts.ofReported());
        if (respondedAt != null) {
            add(counts, respondedAt, MinuteCounts.ofResponse(responseMillis));
        }
        if (metAt != null) {
            add(counts, metAt, MinuteCounts.ofMet());
        }
        if (breachedAt != null) {
            add(counts, breachedAt, MinuteCounts.ofBreached());
        }
        return counts;
    }

    /**
     * The changes of the group's open count this incident makes: +1 at the report, -1 at the end;
     * none when it ended at or before its report (it is open at no instant).
     */
    public Map<Long, Integer> openChanges() {
        Map<Long, Integer> changes = new LinkedHashMap<>();
        if (endedAt == null) {
            changes.put(reportedAt, 1);
        } else if (endedAt > reportedAt) {
            changes.put(reportedAt, 1);
            changes.put(endedAt, -1);
        }
        return changes;
    }

    private static void add(Map<Long, MinuteCounts> counts, long instant, MinuteCounts more) {
        counts.merge(MetricMinutes.minuteOf(instant), more, MinuteCounts::plus);
    }

    private static Long instant(String iso) {
        return iso == null ? null : Times.parseIso(iso);
    }

    private static Long earliest(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
