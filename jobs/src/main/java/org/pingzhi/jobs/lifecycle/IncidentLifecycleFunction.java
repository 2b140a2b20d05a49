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
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaOutcome;
import org.pingzhi.jobs.sla.SlaPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident lifecycle, keyed by incidentId: stores each incident's records, and on every record
 * and timer re-folds them ({@link IncidentFold}), judges the SLA at the current event time ({@link
 * SlaEvaluator}) and emits what changed ({@link EmissionPlanner}): incident documents, SLA events
 * and escalation alerts.
 *
 * <p>Time: on a record, the watermark (capped at the horizon); on a timer, its instant. Late
 * records are processed like any other and correct what they prove wrong. One event-time timer per
 * incident stands at the next instant that matters — warning, deadline, CITY point or state cleanup
 * — unless that is beyond the horizon. At cleanup ({@link LifecycleSettings}) all of the incident's
 * state and timers go.
 *
 * <p>Metrics: {@code lifecycleLateRecords} (records behind the watermark), {@code
 * lifecycleRecordsDropped} (records over the per-incident cap, see {@link RecordCap}).
 */
public class IncidentLifecycleFunction extends KeyedProcessFunction<String, UnifiedEvent, Document>
        implements CheckpointedFunction {

    /** The operator's stable uid (state is restored by it) and its name in the job graph. */
    public static final String UID = "incident-lifecycle";

    public static final String NAME = "Incident lifecycle and SLA";

    private static final Logger LOG = LoggerFactory.getLogger(IncidentLifecycleFunction.class);

    private final SlaPolicy policy;
    private final LifecycleSettings settings;

    private transient MapState<String, UnifiedEvent> records;
    private transient ValueState<EmittedOutputs> emitted;
    private transient Counter lateRecords;
    private transient Counter droppedRecords;
    private transient LifecycleMetrics metrics;

    /** Wall-clock time this attempt was restored from a checkpoint; 0 when it started fresh. */
    private transient long recoveredAt;

    public IncidentLifecycleFunction(SlaPolicy policy, LifecycleSettings settings) {
        this.policy = policy;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        records = getRuntimeContext().getMapState(LifecycleStateDescriptors.records());
        emitted = getRuntimeContext().getState(LifecycleStateDescriptors.emitted());
        lateRecords = getRuntimeContext().getMetricGroup().counter("lifecycleLateRecords");
        droppedRecords = getRuntimeContext().getMetricGroup().counter("lifecycleRecordsDropped");
        metrics = new LifecycleMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        recoveredAt = context.isRestored() ? System.currentTimeMillis() : 0;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public void processElement(UnifiedEvent record, Context ctx, Collector<Document> out)
            throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (record.eventTime() < watermark) {
            lateRecords.inc();
        }
        List<UnifiedEvent> kept = keptRecords();
        boolean newIncident = kept.isEmpty();
        if (store(record, kept)) {
            if (newIncident) {
                metrics.incidentStarted();
            }
            react(ctx.getCurrentKey(), kept, settings.now(watermark), ctx.timerService(), out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Document> out)
            throws Exception {
        List<UnifiedEvent> kept = keptRecords();
        if (kept.isEmpty()) {
            emitted.clear();
            return;
        }
        IncidentState state = react(ctx.getCurrentKey(), kept, timestamp, ctx.timerService(), out);
        if (timestamp >= settings.cleanupAt(state)) {
            EmittedOutputs memo = emitted.value();
            if (memo.getTimer() != EmittedOutputs.NO_TIMER) {
                ctx.timerService().deleteEventTimeTimer(memo.getTimer());
            }
            records.clear();
            emitted.clear();
            metrics.incidentCleanedUp();
        }
    }

    /** Adds a record to the incident's state; false when it changes nothing or is dropped. */
    private boolean store(UnifiedEvent record, List<UnifiedEvent> kept) throws Exception {
        String key = record.duplicateKey();
        UnifiedEvent existing = records.get(key);
        if (existing != null) {
            UnifiedEvent preferred = EventOrder.preferred(existing, record);
            if (preferred == existing) {
                return false;
            }
            kept.remove(existing);
        } else {
            RecordCap.Admission admission =
                    RecordCap.admit(kept, record, settings.maxRecordsPerIncident());
            if (!admission.keep()) {
                droppedRecords.inc();
                logDrop(record);
                return false;
            }
            if (admission.evicted() != null) {
                records.remove(admission.evicted().duplicateKey());
                kept.remove(admission.evicted());
            }
        }
        records.put(key, record);
        kept.add(record);
        return true;
    }

    private IncidentState react(
            String incidentId,
            List<UnifiedEvent> kept,
            long now,
            TimerService timers,
            Collector<Document> out)
            throws Exception {
        IncidentState state = IncidentFold.fold(incidentId, kept);
        SlaOutcome sla = SlaEvaluator.evaluate(state, policy.targetMillis(state), now);
        EmittedOutputs memo = emitted.value() == null ? new EmittedOutputs() : emitted.value();
        if (recoveredAt != 0 && memo.markSwept(recoveredAt)) {
            RestoreSweep.leftovers(state, sla, memo, recoveredAt).forEach(out::collect);
        }
        for (Document document : EmissionPlanner.plan(state, sla, memo)) {
            metrics.emitted(document);
            out.collect(document);
        }
        reschedule(timers, memo, nextWakeUp(sla.nextInstant(), settings.cleanupAt(state)));
        emitted.update(memo);
        return state;
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
