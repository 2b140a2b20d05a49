package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
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
 * <p>Time: live, a record is judged as it comes, at the watermark. In a bounded run (replay, see
 * {@link LifecycleSettings#judgesWhenWatermarkMoves}) it is held until event time reaches it and
 * folded in then, so that what is judged at an instant depends on exactly the records at or before
 * it — not on their arrival order, the parallelism or how far the watermark moves at a time — and
 * each incident's documents are emitted once per watermark step. Records are judged at the
 * watermark, timers at their instant (both capped at the horizon); but never earlier than the
 * incident was judged at before, nor, after a restore, than the time the restored attempt had
 * reached (its watermark starts over; an undisturbed run's would not have). So a step that passing
 * time made hold is only ever withdrawn by a record proving it wrong. Late records are processed
 * like any other and correct what they prove wrong. One event-time timer per incident stands at the
 * next instant that matters — warning, deadline, CITY point or state cleanup — unless that is
 * beyond the horizon. At cleanup ({@link LifecycleSettings}) the incident's records and timers go;
 * an {@link IncidentSummary} stays, to which later records of the incident apply, until its own
 * timer drops it. A record of an incident with neither, older than the summary retention, goes to
 * the dead-letter side output ({@code INCIDENT_EXPIRED}).
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
    private transient ListState<UnifiedEvent> recordsAhead;
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
        recordsAhead = getRuntimeContext().getListState(LifecycleStateDescriptors.recordsAhead());
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
        if (settings.judgesWhenWatermarkMoves() && watermark != Long.MAX_VALUE) {
            holdUntilItsTime(record, ctx.timerService(), watermark);
            return;
        }
        String incidentId = ctx.getCurrentKey();
        long now = settings.now(watermark);
        FoldedIncident folded = admit(incidentId, record, now, ctx, out);
        if (folded != null) {
            react(incidentId, folded.state(incidentId), now, ctx, out, EMIT_NOW);
        }
    }

    /**
     * A bounded run (replay) folds each record in when event time reaches it ({@link #onTimer}),
     * not when it arrives: its watermark moves in steps that no later record falls behind, so what
     * is judged at an instant is decided by exactly the records at or before it, whatever records
     * of later instants happened to arrive with them, at any step and parallelism. A late record
     * (behind the watermark it came at) is folded in when the watermark next moves.
     */
    private void holdUntilItsTime(UnifiedEvent record, TimerService timers, long watermark)
            throws Exception {
        recordsAhead.add(record);
        timers.registerEventTimeTimer(Math.max(record.eventTime(), watermark));
    }

    /**
     * Takes a record into the incident: applied to its summary once it is cleaned up, dead-lettered
     * when too old for a new incident, else stored and folded in. The new fold when it changed and
     * the incident must be judged, else null.
     */
    private FoldedIncident admit(
            String incidentId,
            UnifiedEvent record,
            long now,
            Context ctx,
            Collector<IncidentChange> out)
            throws Exception {
        IncidentSummary summary = summaries.value();
        if (summary != null) {
            applyToSummary(incidentId, record, summary, out);
            return null;
        }
        FoldedIncident folded = foldedIncident(incidentId);
        boolean newIncident = folded == null;
        if (newIncident && settings.expired(record, Math.max(now, timeReached.current()))) {
            expiredRecords.inc();
            ctx.output(
                    DEAD_LETTERS, ExpiredRecords.deadLetter(record, settings.summaryRetention()));
            return null;
        }
        FoldedIncident next = store(incidentId, record, folded);
        if (next != null) {
            folds.update(next);
            if (newIncident) {
                metrics.incidentStarted();
            }
        }
        return next;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentChange> out)
            throws Exception {
        String incidentId = ctx.getCurrentKey();
        long now = settings.now(timestamp);
        long nextRecordAhead =
                settings.judgesWhenWatermarkMoves()
                        ? foldInRecordsUpTo(incidentId, timestamp, now, ctx, out)
                        : Long.MAX_VALUE;
        FoldedIncident folded = foldedIncident(incidentId);
        if (folded == null) {
            emitted.clear();
            IncidentSummary summary = summaries.value();
            if (summary != null && timestamp >= summary.expiresAt()) {
                summaries.clear();
            }
            return;
        }
        Judged judged = react(incidentId, folded.state(incidentId), now, ctx, out, nextRecordAhead);
        if (timestamp >= settings.cleanupAt(judged.state())) {
            EmittedOutputs memo = emitted.value();
            deleteTimer(ctx.timerService(), memo.getTimer());
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
     * Folds in the held records whose time has come, in one order whatever order they arrived in;
     * the event time of the earliest record still ahead, {@link Long#MAX_VALUE} when none is.
     */
    private long foldInRecordsUpTo(
            String incidentId, long timestamp, long now, Context ctx, Collector<IncidentChange> out)
            throws Exception {
        List<UnifiedEvent> due = new ArrayList<>();
        List<UnifiedEvent> later = new ArrayList<>();
        long nextRecordAhead = Long.MAX_VALUE;
        for (UnifiedEvent record : recordsAhead.get()) {
            if (record.eventTime() <= timestamp) {
                due.add(record);
            } else {
                later.add(record);
                nextRecordAhead = Math.min(nextRecordAhead, record.eventTime());
            }
        }
        if (due.isEmpty()) {
            return nextRecordAhead;
        }
        recordsAhead.update(later);
        due.sort(EventOrder.APPLICATION);
        for (UnifiedEvent record : due) {
            admit(incidentId, record, now, ctx, out);
        }
        return nextRecordAhead;
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

    /** {@link #react}'s {@code nextRecordAhead} for a judgment that emits what changed at once. */
    private static final long EMIT_NOW = Long.MIN_VALUE;

    /**
     * Judges the incident at {@code now} and emits what changed since it was last emitted; at a
     * bounded run's timer not while the incident is judged again before the watermark that fired it
     * goes on (at {@code nextRecordAhead} or at its next timer), so each watermark step emits each
     * incident's documents once, before the watermark reaches the operators after it.
     */
    private Judged react(
            String incidentId,
            IncidentState state,
            long now,
            Context ctx,
            Collector<IncidentChange> out,
            long nextRecordAhead)
            throws Exception {
        TimerService timers = ctx.timerService();
        EmittedOutputs memo = emitted.value() == null ? new EmittedOutputs() : emitted.value();
        long judgedAt = timeReached.advance(memo.judgeAt(Math.max(now, timeReached.current())));
        SlaInput input = state.slaInput();
        SlaOutcome sla =
                SlaEvaluator.evaluate(input, policy.targetMillis(input.subject()), judgedAt);
        long wakeUp = nextWakeUp(sla.nextInstant(), settings.cleanupAt(state));
        if (!judgedAgainInThisWatermarkStep(judgedAt, wakeUp, nextRecordAhead, timers)) {
            if (recoveredAt != 0 && memo.markSwept(recoveredAt)) {
                RestoreSweep.leftovers(state, sla, memo, recoveredAt).forEach(out::collect);
            }
            for (IncidentChange change : EmissionPlanner.plan(state, sla, memo)) {
                metrics.emitted(change);
                out.collect(change);
            }
        }
        reschedule(timers, memo, wakeUp);
        emitted.update(memo);
        return new Judged(state, sla);
    }

    private boolean judgedAgainInThisWatermarkStep(
            long judgedAt, long wakeUp, long nextRecordAhead, TimerService timers) {
        if (nextRecordAhead == EMIT_NOW || !settings.judgesWhenWatermarkMoves()) {
            return false;
        }
        long nextJudgment =
                Math.min(
                        wakeUp == EmittedOutputs.NO_TIMER ? Long.MAX_VALUE : wakeUp,
                        nextRecordAhead);
        return nextJudgment != Long.MAX_VALUE
                && nextJudgment > judgedAt
                && nextJudgment <= timers.currentWatermark();
    }

    private long nextWakeUp(OptionalLong nextStep, long cleanupAt) {
        long next = Math.min(nextStep.orElse(Long.MAX_VALUE), cleanupAt);
        return settings.fires(next) && next != Long.MAX_VALUE ? next : EmittedOutputs.NO_TIMER;
    }

    private void reschedule(TimerService timers, EmittedOutputs memo, long wakeUp) {
        if (memo.getTimer() == wakeUp) {
            return;
        }
        deleteTimer(timers, memo.getTimer());
        if (wakeUp != EmittedOutputs.NO_TIMER) {
            timers.registerEventTimeTimer(wakeUp);
        }
        memo.setTimer(wakeUp);
    }

    /**
     * Live, an incident's one timer moves; a bounded run keeps the old ones, because a held
     * record's timer can stand at the same instant, and a timer with nothing to do judges the
     * incident at an instant where nothing changes.
     */
    private void deleteTimer(TimerService timers, long timer) {
        if (timer != EmittedOutputs.NO_TIMER && !settings.judgesWhenWatermarkMoves()) {
            timers.deleteEventTimeTimer(timer);
        }
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
