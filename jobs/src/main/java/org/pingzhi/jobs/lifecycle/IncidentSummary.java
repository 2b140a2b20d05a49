package org.pingzhi.jobs.lifecycle;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.model.UnifiedStatus;
import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;
import org.pingzhi.jobs.sla.SlaStatus;
import org.pingzhi.jobs.sla.SlaTimeline;

/**
 * What is left of an incident once its state is cleaned up (keyed state, a Flink POJO), until
 * {@code expiresAt}: enough to apply a late record to the incident document's status and
 * milestones, with the SLA as it was decided.
 *
 * <p>It keeps the document's descriptive fields, the SLA as decided (clock start, target, status,
 * escalation level) and, of every distinct record, only its status and event time: the status
 * machine needs no more, so status and milestones stay a function of the set of records. Nothing
 * else is ever decided again: the clock does not restart, no SLA event nor alert is emitted, and a
 * late report record does not change category, town or target. Without free text a summary takes
 * about 200 bytes (measured in {@code IncidentSummaryTest}); the report's texts add their length.
 *
 * @param sourceMask the sources of its records, one bit per {@link Source} ordinal
 * @param walkStatuses the status of each distinct record (ordinals), in application order
 * @param walkTimes the event time of each distinct record, in the same order
 * @param unitAt the event time of the record that gave {@code unit}
 * @param fingerprint of the last incident document emitted
 */
public record IncidentSummary(
        int sourceMask,
        String alarmId,
        String orderId,
        ReportAttributes report,
        long reportedAt,
        long targetMillis,
        SlaStatus slaStatus,
        EscalationLevel escalationLevel,
        String unit,
        long unitAt,
        long updatedAt,
        byte[] walkStatuses,
        long[] walkTimes,
        long expiresAt,
        long fingerprint) {

    /** The summary of an incident as it stands at its cleanup. */
    static IncidentSummary of(
            IncidentState state, SlaOutcome sla, List<UnifiedEvent> records, long expiresAt) {
        List<UnifiedEvent> applied = IncidentFold.distinctInApplicationOrder(records);
        byte[] statuses = new byte[applied.size()];
        long[] times = new long[applied.size()];
        int n = 0;
        for (UnifiedEvent record : applied) {
            if (n == 0
                    || statuses[n - 1] != record.status().ordinal()
                    || times[n - 1] != record.eventTime()) {
                statuses[n] = (byte) record.status().ordinal();
                times[n] = record.eventTime();
                n++;
            }
        }
        IncidentSummary summary =
                new IncidentSummary(
                        SourceMask.of(state.sources()),
                        state.alarmId(),
                        state.orderId(),
                        state.report(),
                        state.reportedAt(),
                        sla.timeline().targetMillis(),
                        sla.status(),
                        sla.escalationLevel(),
                        state.unit(),
                        unitAt(applied),
                        state.updatedAt(),
                        Arrays.copyOf(statuses, n),
                        Arrays.copyOf(times, n),
                        expiresAt,
                        0);
        return summary.withFingerprint(summary.fingerprintOf(state.incidentId()));
    }

    /**
     * The summary with a late record applied (a duplicate's status and time are kept once); null
     * when it would hold more than {@code maxRecords} records.
     */
    IncidentSummary with(UnifiedEvent record, int maxRecords) {
        int at = insertionPoint(record.status(), record.eventTime());
        boolean known =
                at > 0
                        && walkStatuses[at - 1] == record.status().ordinal()
                        && walkTimes[at - 1] == record.eventTime();
        if (!known && walkTimes.length >= maxRecords) {
            return null;
        }
        byte[] statuses = walkStatuses;
        long[] times = walkTimes;
        if (!known) {
            statuses = new byte[walkStatuses.length + 1];
            times = new long[walkTimes.length + 1];
            System.arraycopy(walkStatuses, 0, statuses, 0, at);
            System.arraycopy(walkTimes, 0, times, 0, at);
            statuses[at] = (byte) record.status().ordinal();
            times[at] = record.eventTime();
            System.arraycopy(walkStatuses, at, statuses, at + 1, walkStatuses.length - at);
            System.arraycopy(walkTimes, at, times, at + 1, walkTimes.length - at);
        }
        boolean newerUnit = record.unit() != null && (unit == null || record.eventTime() > unitAt);
        return new IncidentSummary(
                sourceMask | SourceMask.of(record.source()),
                alarmId != null ? alarmId : record.alarmId(),
                orderId != null ? orderId : record.orderId(),
                report,
                reportedAt,
                targetMillis,
                slaStatus,
                escalationLevel,
                newerUnit ? record.unit() : unit,
                newerUnit ? record.eventTime() : unitAt,
                Math.max(updatedAt, record.eventTime()),
                statuses,
                times,
                expiresAt,
                fingerprint);
    }

    /** The incident as the summary has it: status and milestones from all its records. */
    IncidentState state(String incidentId) {
        IncidentFold.StatusWalk walk = new IncidentFold.StatusWalk();
        UnifiedStatus[] all = UnifiedStatus.values();
        for (int i = 0; i < walkTimes.length; i++) {
            walk.apply(all[walkStatuses[i]], walkTimes[i]);
        }
        return new IncidentState(
                incidentId,
                IncidentFold.ownSource(incidentId),
                SourceMask.sources(sourceMask),
                alarmId,
                orderId,
                report,
                walk.status(),
                reportedAt,
                walk.milestones(),
                unit,
                updatedAt);
    }

    /**
     * The SLA as decided, for {@code state}: status and escalations stand; the response time
     * follows the clock stop (none when VOID), as it does for a breach answered late.
     */
    SlaOutcome sla(IncidentState state) {
        SlaTimeline timeline = new SlaTimeline(reportedAt, targetMillis);
        Map<SlaFact, Long> facts = new EnumMap<>(SlaFact.class);
        Long responded = state.respondedAt();
        if (slaStatus == SlaStatus.MET && responded != null) {
            facts.put(SlaFact.MET, responded);
        }
        if (slaStatus == SlaStatus.BREACHED) {
            facts.put(SlaFact.BREACH, timeline.deadline());
        }
        if (escalationLevel != EscalationLevel.NONE) {
            facts.put(SlaFact.ESCALATED_TOWN, timeline.deadline());
        }
        if (escalationLevel == EscalationLevel.CITY) {
            facts.put(SlaFact.ESCALATED_CITY, timeline.cityAt());
        }
        return new SlaOutcome(
                timeline,
                slaStatus,
                responded == null || slaStatus == SlaStatus.VOID
                        ? null
                        : timeline.secondsSinceReport(responded),
                escalationLevel,
                facts,
                Milestones.earliest(responded, state.cancelledAt()),
                OptionalLong.empty());
    }

    /** The fingerprint of the incident document this summary renders. */
    long fingerprintOf(String incidentId) {
        IncidentState state = state(incidentId);
        return OutputDocuments.incident(state, sla(state)).fingerprint();
    }

    IncidentSummary withFingerprint(long newFingerprint) {
        return new IncidentSummary(
                sourceMask,
                alarmId,
                orderId,
                report,
                reportedAt,
                targetMillis,
                slaStatus,
                escalationLevel,
                unit,
                unitAt,
                updatedAt,
                walkStatuses,
                walkTimes,
                expiresAt,
                newFingerprint);
    }

    /** Where a record of this status and time goes in application order (after equal ones). */
    private int insertionPoint(UnifiedStatus status, long eventTime) {
        int at = walkTimes.length;
        while (at > 0
                && (walkTimes[at - 1] > eventTime
                        || walkTimes[at - 1] == eventTime
                                && walkStatuses[at - 1] > status.ordinal())) {
            at--;
        }
        return at;
    }

    private static long unitAt(List<UnifiedEvent> applied) {
        for (int i = applied.size() - 1; i >= 0; i--) {
            if (applied.get(i).unit() != null) {
                return applied.get(i).eventTime();
            }
        }
        return Long.MIN_VALUE;
    }
}
