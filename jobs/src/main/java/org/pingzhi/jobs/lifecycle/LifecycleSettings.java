package org.pingzhi.jobs.lifecycle;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.model.UnifiedStatus;
import org.pingzhi.common.output.IncidentDocument;

/**
 * How the lifecycle operator keeps state and time.
 *
 * @param retention how long an incident is kept after it is CLOSED or CANCELLED, counted from its
 *     latest record (a REOPEN or a late record within that time still finds it); default 24 h
 * @param maxAge how long after its clock start an incident is kept at most, whatever its status (an
 *     incident never closed upstream would otherwise stay forever); default 7 days. Its state and
 *     timers are then dropped; its last documents stay as they were, and an {@link IncidentSummary}
 *     stays for {@code summaryRetention}.
 * @param summaryRetention how long an incident's summary is kept after its state was dropped; a
 *     late record within it updates the incident document's status and milestones with the SLA as
 *     decided (default 30 days). A record of an incident with neither state nor summary that is
 *     older than this (event time more than it before the current time) is dead-lettered as {@link
 *     org.pingzhi.common.model.ReasonCode#INCIDENT_EXPIRED}: its incident may be one whose summary
 *     is gone, which it must not start over.
 * @param maxRecordsPerIncident the most distinct records one incident keeps; beyond it {@link
 *     RecordCap} decides (default 256, at least {@value #MIN_MAX_RECORDS})
 * @param horizon the last instant time may reach, epoch milliseconds: a warning, deadline,
 *     escalation or cleanup instant later than it never fires, one equal to it does. Live: {@link
 *     #LIVE_HORIZON}; replay: the latest event time of all valid input records.
 */
public record LifecycleSettings(
        Duration retention,
        Duration maxAge,
        Duration summaryRetention,
        int maxRecordsPerIncident,
        long horizon)
        implements Serializable {

    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);
    public static final Duration DEFAULT_SUMMARY_RETENTION = Duration.ofDays(30);
    public static final int DEFAULT_MAX_RECORDS = 256;
    public static final int MIN_MAX_RECORDS = 16;
    public static final long LIVE_HORIZON = Long.MAX_VALUE;

    public LifecycleSettings {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        if (summaryRetention == null
                || summaryRetention.isNegative()
                || summaryRetention.isZero()) {
            throw new IllegalArgumentException(
                    "summaryRetention must be positive: " + summaryRetention);
        }
        if (maxRecordsPerIncident < MIN_MAX_RECORDS) {
            throw new IllegalArgumentException(
                    "maxRecordsPerIncident must be at least "
                            + MIN_MAX_RECORDS
                            + ": "
                            + maxRecordsPerIncident);
        }
    }

    /** Defaults, for live operation. */
    public static LifecycleSettings live() {
        return new LifecycleSettings(
                DEFAULT_RETENTION,
                DEFAULT_MAX_AGE,
                DEFAULT_SUMMARY_RETENTION,
                DEFAULT_MAX_RECORDS,
                LIVE_HORIZON);
    }

    /** Defaults, for a replay whose latest valid record has event time {@code horizon}. */
    public static LifecycleSettings replay(long horizon) {
        return live().withHorizon(horizon);
    }

    /** From {@link LifecycleOptions}, with the given horizon. */
    public static LifecycleSettings fromConfig(ReadableConfig config, long horizon) {
        return new LifecycleSettings(
                config.get(LifecycleOptions.RETENTION),
                config.get(LifecycleOptions.MAX_AGE),
                config.get(LifecycleOptions.SUMMARY_RETENTION),
                config.get(LifecycleOptions.MAX_RECORDS_PER_INCIDENT),
                horizon);
    }

    public LifecycleSettings withHorizon(long newHorizon) {
        return new LifecycleSettings(
                retention, maxAge, summaryRetention, maxRecordsPerIncident, newHorizon);
    }

    /** The current event time the SLA is judged at: the watermark, never beyond the horizon. */
    long now(long watermark) {
        return Math.min(watermark, horizon);
    }

    /**
     * Whether a record is judged only when the watermark next moves, with every record that came
     * before it moved: in a bounded run (a replay: its horizon is finite), so that its output does
     * not depend on the order in which the two sources' records arrive, at any parallelism. Live
     * judges each record as it comes: deferring there too would make what is emitted depend on
     * which records share a watermark step, which differs between a run and its recovery.
     */
    boolean judgesWhenWatermarkMoves() {
        return bounded();
    }

    /** A bounded run (a replay): its horizon is finite, and no rules are published during it. */
    public boolean bounded() {
        return horizon != LIVE_HORIZON;
    }

    /** Whether a timer at {@code instant} may fire. */
    boolean fires(long instant) {
        return instant <= horizon;
    }

    /** When the incident's state is dropped (see {@link #retention} and {@link #maxAge}). */
    long cleanupAt(IncidentState state) {
        return cleanupAt(state.reportedAt(), state.isFinished(), state.updatedAt());
    }

    private long cleanupAt(long reportedAt, boolean finished, long updatedAt) {
        long aged = saturatedAdd(reportedAt, maxAge.toMillis());
        return finished ? Math.min(aged, saturatedAdd(updatedAt, retention.toMillis())) : aged;
    }

    /**
     * The longest an incident can still change after its report: its maximum age, then its summary.
     */
    public Duration incidentLifetime() {
        return maxAge.plus(summaryRetention);
    }

    /**
     * The latest instant at which the lifecycle may still change the document of an incident, given
     * one of its documents emitted with event time {@code emittedAt}: the incident's state is
     * dropped at the cleanup instant of the document (whose updatedAt is at least its state's), or
     * at {@code emittedAt} when a late record was judged after that; late records still change the
     * document through its summary, which stays {@link #summaryRetention} longer.
     */
    public long documentChangesUntil(IncidentDocument document, long emittedAt) {
        String status = document.status();
        long cleanup =
                cleanupAt(
                        Times.parseIso(document.reportedAt()),
                        UnifiedStatus.CLOSED.name().equals(status)
                                || UnifiedStatus.CANCELLED.name().equals(status),
                        Times.parseIso(document.updatedAt()));
        return summaryExpiresAt(Math.max(cleanup, emittedAt));
    }

    /** When the summary of an incident cleaned up at {@code cleanedUpAt} is dropped. */
    long summaryExpiresAt(long cleanedUpAt) {
        return saturatedAdd(cleanedUpAt, summaryRetention.toMillis());
    }

    /**
     * Whether a record of an incident with neither state nor summary is too old to place at time
     * {@code now}: see {@link #summaryRetention}.
     */
    boolean expired(UnifiedEvent record, long now) {
        return saturatedAdd(record.eventTime(), summaryRetention.toMillis()) < now;
    }

    private static long saturatedAdd(long instant, long millis) {
        long sum = instant + millis;
        return ((instant ^ sum) & (millis ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
