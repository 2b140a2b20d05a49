package org.pingzhi.jobs.lifecycle;

import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.model.UnifiedStatus;

/**
 * What {@link IncidentFold} has made of an incident's distinct records so far (keyed state, a Flink
 * POJO): the {@link IncidentState} without its id, and what it takes to apply one more record that
 * comes after all of them in application order without reading them again — where the last applied
 * record stands and which kind of record gave the report attributes.
 *
 * @param distinctRecords how many distinct records were folded
 * @param lastTime the event time of the last record in application order ({@code updatedAt})
 * @param lastStatus the status of that record
 * @param sourceMask the sources of the records, one bit per {@link Source} ordinal
 * @param reportOrigin which record gave {@code report} and {@code reportedAt}
 */
public record FoldedIncident(
        int distinctRecords,
        long lastTime,
        UnifiedStatus lastStatus,
        int sourceMask,
        String alarmId,
        String orderId,
        ReportOrigin reportOrigin,
        ReportAttributes report,
        long reportedAt,
        UnifiedStatus status,
        Milestones milestones,
        String unit) {

    /** Where the report attributes and the clock start come from (see {@link IncidentFold}). */
    public enum ReportOrigin {
        /** No report record yet: the earliest record's town, the clock at it. */
        EARLIEST_RECORD,
        /** The earliest report record of the other source; the clock at the earliest record. */
        OTHER_SOURCE_REPORT,
        /** The earliest report record of the incident's own source, and the clock at it. */
        OWN_SOURCE_REPORT
    }

    /** The incident as its earliest record in application order alone makes it. */
    static FoldedIncident first(UnifiedEvent record, Source ownSource) {
        ReportOrigin origin = originOf(record, ownSource);
        IncidentFold.StatusWalk walk = new IncidentFold.StatusWalk();
        walk.apply(record.status(), record.eventTime());
        return new FoldedIncident(
                1,
                record.eventTime(),
                record.status(),
                SourceMask.of(record.source()),
                record.alarmId(),
                record.orderId(),
                origin,
                origin == ReportOrigin.EARLIEST_RECORD
                        ? ReportAttributes.withoutReport(record, ownSource)
                        : ReportAttributes.of(record),
                record.eventTime(),
                walk.status(),
                walk.milestones(),
                record.unit());
    }

    /**
     * Whether {@code record} comes after every applied record in application order, so that {@link
     * #then} gives what a fold of all of them would: a later event time, or the same one with a
     * later status. Ties beyond that are decided by the records' content, which is not kept here.
     */
    public boolean appliesAfter(UnifiedEvent record) {
        return record.eventTime() > lastTime
                || record.eventTime() == lastTime && record.status().compareTo(lastStatus) > 0;
    }

    /** The incident with the next distinct record in application order applied. */
    FoldedIncident then(UnifiedEvent record, Source ownSource) {
        IncidentFold.StatusWalk walk = IncidentFold.StatusWalk.resume(status, milestones);
        walk.apply(record.status(), record.eventTime());
        ReportOrigin origin = originOf(record, ownSource);
        boolean reports = origin.compareTo(reportOrigin) > 0;
        return new FoldedIncident(
                distinctRecords + 1,
                record.eventTime(),
                record.status(),
                sourceMask | SourceMask.of(record.source()),
                alarmId != null ? alarmId : record.alarmId(),
                orderId != null ? orderId : record.orderId(),
                reports ? origin : reportOrigin,
                reports ? ReportAttributes.of(record) : report,
                origin == ReportOrigin.OWN_SOURCE_REPORT && reports
                        ? record.eventTime()
                        : reportedAt,
                walk.status(),
                walk.milestones(),
                record.unit() != null ? record.unit() : unit);
    }

    /** The incident's state, for the incident of this id. */
    public IncidentState state(String incidentId) {
        return new IncidentState(
                incidentId,
                IncidentFold.ownSource(incidentId),
                SourceMask.sources(sourceMask),
                alarmId,
                orderId,
                report,
                status,
                reportedAt,
                milestones,
                unit,
                lastTime);
    }

    private static ReportOrigin originOf(UnifiedEvent record, Source ownSource) {
        if (!record.isReport()) {
            return ReportOrigin.EARLIEST_RECORD;
        }
        return record.source() == ownSource
                ? ReportOrigin.OWN_SOURCE_REPORT
                : ReportOrigin.OTHER_SOURCE_REPORT;
    }
}
