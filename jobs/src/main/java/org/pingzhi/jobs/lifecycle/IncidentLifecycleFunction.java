package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaInput;
import org.pingzhi.jobs.sla.SlaOutcome;
import org.pingzhi.jobs.sla.SlaPolicy;
import org.pingzhi.jobs.time.TimeReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident lifecycle, keyed by incidentId: stores each incident's records, and on every record
 * and timer re-folds them ({@link IncidentFold}), judges the SLA at the current event time ({@link
 * SlaEvaluator}) and emits what changed ({@link EmissionPlanner}) as typed {@link IncidentChange}s:
 * incident documents, SLA events and escalation alerts, rendered only at the edges.
 *
 * <p>Time: live, a record is judged as it comes, at the watermark; in a bounded run (replay, see
 * {@link LifecycleSettings#judgesWhenWatermarkMoves}) it is stored at once and judged when the
 * watermark next moves, together with the others that came before it moved (a timer at the
 * watermark they came at), so that what is emitted does not depend on their arrival order and a
 * replay, whose watermark moves only at the end of its input, emits each document once. Records are
 * judged at the watermark, timers at their instant (both capped at the horizon); but never earlier
 * than the incident was judged at before, nor, after a restore, than the time the restored attempt
 * had reached (its watermark starts over; an undisturbed run's would not have). So a step that
 * passing time made hold is only ever withdrawn by a record proving it wrong. Late records are
 * processed like any other and correct what they prove wrong. One event-time timer per incident
 * stands at the next instant that matters — warning, deadline, CITY point or state cleanup — unless
 * that is beyond the horizon. At cleanup ({@link LifecycleSettings}) the incident's records and
 * timers go; an {@link IncidentSummary} stays, to which later records of the incident apply, until
 * its own timer drops it. A record of an incident with neither, older than the summary retention,
 * goes to the dead-letter side output ({@code INCIDENT_EXPIRED}).
 *
 * <p>Metrics: {@code lifecycleLateRecords} (records behind the watermark), {@code
 * lifecycleRecordsDropped} (records over the per-incident cap, see {@link RecordCap}), {@code
 * lifecycleRecordsExpired} (records dead-lettered as too old).
 */
public class IncidentLifecycleFunction
        extends KeyedProcessFunction<String, UnifiedEvent, IncidentChange>
        implements CheckpointedFunction {

    /** The operator's stable uid (state is restored by it) and its name in the job graph. */
    public static final String UID = "incident-lifecycle";

    public static final String NAME = "Incident lifecycle and SLA";

    /** Records the lifecycle can no longer place ({@code INCIDENT_EXPIRED}), with the reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("lifecycle-dead-letters") {
                private static final long serialVersionUID = 1L;
            };

    private static final Logger LOG = LoggerFactory.getLogger(IncidentLifecycleFunction.class);

    private final SlaPolicy policy;
    private final LifecycleSettings settings;

    private transient MapState<String, UnifiedEvent> records;
    private transient ValueState<FoldedIncident> folds;
    private transient ValueState<EmittedOutputs> emitted;
    private transient ValueState<IncidentSummary> summaries;
    private transient Counter lateRecords;
    private transient Counter droppedRecords;
    private transient Counter expiredRecords;
    private transient LifecycleMetrics metrics;

    /** Wall-clock time this attempt was restored from a checkpoint; 0 when it started fresh. */
    private transient long recoveredAt;

    /** The latest time this subtask judged an incident at, restored from the checkpoint. */
    private transient TimeReached timeReached;

    public IncidentLifecycleFunction(SlaPolicy policy, LifecycleSettings settings) {
        this.policy = policy;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        records = getRuntimeContext().getMapState(LifecycleStateDescriptors.records());
        folds = getRuntimeContext().getState(LifecycleStateDescriptors.folded());
        emitted = getRuntimeContext().getState(LifecycleStateDescriptors.emitted());
        summaries = getRuntimeContext().getState(LifecycleStateDescriptors.summary());
        lateRecords = getRuntimeContext().getMetricGroup().counter("lifecycleLateRecords");
        droppedRecords = getRuntimeContext().getMetricGroup().counter("lifecycleRecordsDropped");
        expiredRecords = getRuntimeContext().getMetricGroup().counter("lifecycleRecordsExpired");
        metrics = new LifecycleMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        recoveredAt = context.isRestored() ? System.currentTimeMillis() : 0;
        timeReached = TimeReached.restore(context, LifecycleStateDescriptors.timeReached());
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        timeReached.snapshot();
    }

    @Override
    public void processElement(UnifiedEvent record, Context ctx, Collector<IncidentChange> out)
            throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (record.eventTime() < watermark) {
            lateRecords.inc();
        }
        IncidentSummary summary = summaries.value();
        if (summary != null) {
            applyToSummary(ctx.getCurrentKey(), record, summary, out);
            return;
        }
        String incidentId = ctx.getCurrentKey();
        FoldedIncident folded = foldedIncident(incidentId);
        boolean newIncident = folded == null;
        if (newIncident
                && settings.expired(
                        record, Math.max(settings.now(watermark), timeReached.current()))) {
            expiredRecords.inc();
            ctx.output(
                    DEAD_LETTERS, ExpiredRecords.deadLetter(record, settings.summaryRetention()));
            return;
        }
        FoldedIncident next = store(incidentId, record, folded);
        if (next != null) {
            folds.update(next);
            if (newIncident) {
                metrics.incidentStarted();
            }
            if (watermark == Long.MAX_VALUE || !settings.judgesWhenWatermarkMoves()) {
                react(
                        incidentId,
                        next.state(incidentId),
                        settings.now(watermark),
                        ctx.timerService(),
                        out);
            } else {
                judgeWhenTimeMoves(ctx.timerService(), watermark);
            }
        }
    }

    /**
     * Defers the incident's judgment until the watermark next moves: the records that arrive before
     * then are judged together, so each document is emitted once for them and what is emitted does
     * not depend on their arrival order (a replay, whose watermark moves only at the end of its
     * input, writes each document once). Live this adds at most one watermark interval.
     */
    private static void judgeWhenTimeMoves(TimerService timers, long watermark) {
        // A timer at the current watermark fires at the next one, judging at the time the records
        // came at; timers of later instants that the same watermark passes fire after it.
        timers.registerEventTimeTimer(watermark);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentChange> out)
            throws Exception {
        String incidentId = ctx.getCurrentKey();
        FoldedIncident folded = foldedIncident(incidentId);
        if (folded == null) {
            emitted.clear();
            IncidentSummary summary = summaries.value();
            if (summary != null && timestamp >= summary.expiresAt()) {
                summaries.clear();
            }
            return;
        }
        Judged judged =
                react(
                        incidentId,
                        folded.state(incidentId),
                        settings.now(timestamp),
                        ctx.timerService(),
                        out);
        if (timestamp >= settings.cleanupAt(judged.state())) {
            EmittedOutputs memo = emitted.value();
            if (memo.getTimer() != EmittedOutputs.NO_TIMER) {
                ctx.timerService().deleteEventTimeTimer(memo.getTimer());
            }
            long expiresAt = settings.summaryExpiresAt(timestamp);
            summaries.update(
                    IncidentSummary.of(judged.state(), judged.sla(), keptRecords(), expiresAt));
            if (settings.fires(expiresAt)) {
                ctx.timerService().registerEventTimeTimer(expiresAt);
            }
            records.clear();
            folds.clear();
            emitted.clear();
            metrics.incidentCleanedUp();
        }
    }

    /**
     * A record of a cleaned-up incident: its status and milestones move the document, the SLA stays
     * as decided, nothing else is emitted.
     */
    private void applyToSummary(
            String incidentId,
            UnifiedEvent record,
            IncidentSummary summary,
            Collector<IncidentChange> out)
            throws Exception {
        IncidentSummary next = summary.with(record, settings.maxRecordsPerIncident());
        if (next == null) {
            droppedRecords.inc();
            logDrop(record);
            return;
        }
        IncidentState state = next.state(incidentId);
        SlaOutcome sla = next.sla(state);
        IncidentDocument document = OutputDocuments.incident(state, sla);
        long fingerprint = document.fingerprint();
        if (fingerprint != summary.fingerprint()) {
            out.collect(
                    new IncidentChange.IncidentChanged(
                            document, OutputDocuments.incidentUpdatedAt(state, sla)));
        }
        summaries.update(next.withFingerprint(fingerprint));
    }

    /**
     * Adds a record to the incident's records; the incident folded with it, or null when it changes
     * nothing or is dropped. Only a record that replaces a kept one, or one arriving out of order,
     * makes the records be read and folded again.
     */
    private FoldedIncident store(String incidentId, UnifiedEvent record, FoldedIncident folded)
            throws Exception {
        String key = record.duplicateKey();
        UnifiedEvent existing = records.get(key);
        if (existing != null) {
            if (EventOrder.preferred(existing, record) == existing) {
                return null;
            }
            records.put(key, record);
            return IncidentFold.folded(incidentId, records.values());
        }
        if (folded != null && folded.distinctRecords() >= settings.maxRecordsPerIncident()) {
            RecordCap.Admission admission =
                    RecordCap.admit(keptRecords(), record, settings.maxRecordsPerIncident());
            if (!admission.keep()) {
                droppedRecords.inc();
                logDrop(record);
                return null;
            }
            if (admission.evicted() != null) {
                records.remove(admission.evicted().duplicateKey());
            }
            records.put(key, record);
            return IncidentFold.folded(incidentId, records.values());
        }
        records.put(key, record);
        return IncidentFold.withRecord(incidentId, folded, record, records.values());
    }

    /**
     * The incident's fold, null when it has no records. State checkpointed before the fold was kept
     * has the records alone: they are folded once.
     */
    private FoldedIncident foldedIncident(String incidentId) throws Exception {
        FoldedIncident folded = folds.value();
        if (folded == null && !records.isEmpty()) {
            folded = IncidentFold.folded(incidentId, records.values());
            folds.update(folded);
        }
        return folded;
    }

    /** An incident's state and its SLA at the time it was judged at. */
    private record Judged(IncidentState state, SlaOutcome sla) {}

    private Judged react(
            String incidentId,
            IncidentState state,
            long now,
            TimerService timers,
            Collector<IncidentChange> out)
            throws Exception {
        EmittedOutputs memo = emitted.value() == null ? new EmittedOutputs() : emitted.value();
        long judgedAt = timeReached.advance(memo.judgeAt(Math.max(now, timeReached.current())));
        SlaInput input = state.slaInput();
        SlaOutcome sla =
                SlaEvaluator.evaluate(input, policy.targetMillis(input.subject()), judgedAt);
        if (recoveredAt != 0 && memo.markSwept(recoveredAt)) {
            RestoreSweep.leftovers(state, sla, memo, recoveredAt).forEach(out::collect);
        }
        for (IncidentChange change : EmissionPlanner.plan(state, sla, memo)) {
            metrics.emitted(change);
            out.collect(change);
        }
        reschedule(timers, memo, nextWakeUp(sla.nextInstant(), settings.cleanupAt(state)));
        emitted.update(memo);
        return new Judged(state, sla);
    }

    private long nextWakeUp(OptionalLong nextStep, long cleanupAt) {
        long next = Math.min(nextStep.orElse(Long.MAX_VALUE), cleanupAt);
        return settings.fires(next) && next != Long.MAX_VALUE ? next : EmittedOutputs.NO_TIMER;
    }

    private static void reschedule(TimerService timers, EmittedOutputs memo, long wakeUp) {
        if (memo.getTimer() == wakeUp) {
            return;
        }
        if (memo.getTimer() != EmittedOutputs.NO_TIMER) {
            timers.deleteEventTimeTimer(memo.getTimer());
        }
        if (wakeUp != EmittedOutputs.NO_TIMER) {
            timers.registerEventTimeTimer(wakeUp);
        }
        memo.setTimer(wakeUp);
    }

    private List<UnifiedEvent> keptRecords() throws Exception {
        List<UnifiedEvent> kept = new ArrayList<>();
        for (UnifiedEvent record : records.values()) {
            kept.add(record);
        }
        return kept;
    }

    /** Logs the 1st, 2nd, 4th, 8th… drop: a flood must not flood the log too. */
    private void logDrop(UnifiedEvent record) {
        long dropped = droppedRecords.getCount();
        if (Long.bitCount(dropped) == 1) {
            LOG.warn(
                    "Incident {} holds {} distinct records: dropped its {} record at {} ({} dropped"
                            + " so far)",
                    record.incidentId(),
                    settings.maxRecordsPerIncident(),
                    record.rawStatus(),
                    record.eventTime(),
                    dropped);
        }
    }
}
