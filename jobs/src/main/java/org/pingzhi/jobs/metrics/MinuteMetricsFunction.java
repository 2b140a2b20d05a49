package org.pingzhi.jobs.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.pingzhi.jobs.time.TimeReached;

/**
 * Stage 2 of the metrics, keyed by {@link MetricGroup#key()} (so one town's busy minute holds up no
 * other group): books the {@link BookingChange}s in the group's minutes and emits each minute's
 * {@link MinuteMetric} when event time passes the minute's end (its {@code open} is taken there),
 * and again at once whenever a late change rewrites a minute already emitted — with every count 0,
 * the metric tells its document to be deleted.
 *
 * <p><b>The lateness bound</b> ({@link MetricsOptions#LATENESS}): a minute is held, and corrected
 * in place, until event time passes its end plus the bound; then it is final and its state goes.
 * Open-count changes within the bound are held by instant, older ones are summed into one base
 * count. A change reaching a final minute rewrites nothing (counted in {@code
 * metricsChangesBeyondLateness}); its open-count change still goes into the base, so the minutes
 * after it count open incidents right. State per group: the minutes and open changes of the last
 * bound, and the base while incidents of the group are open; a quiet group with none open holds
 * nothing, and no timer.
 *
 * <p>After a restore the watermark starts over; decisions use the later of it and the time the
 * restored attempt had reached, so a minute that was final stays final.
 */
public class MinuteMetricsFunction extends KeyedProcessFunction<String, BookingChange, MinuteMetric>
        implements CheckpointedFunction {

    /** The operator's stable uid (state is restored by it) and its name in the job graph. */
    public static final String UID = "metrics-minutes";

    public static final String NAME = "Per-minute metrics";

    private final long latenessMillis;

    private transient MapState<Long, MinuteCounts> minutes;
    private transient MapState<Long, Integer> openChanges;
    private transient ValueState<Long> openBase;
    private transient ValueState<MetricGroup> group;
    private transient Counter changesBeyondLateness;
    private transient TimeReached timeReached;

    /** The watermark the firing timers advance to, and the groups whose timers it handled. */
    private transient long sweptThrough;

    private transient Set<String> swept;

    public MinuteMetricsFunction(long latenessMillis) {
        this.latenessMillis = latenessMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        minutes = getRuntimeContext().getMapState(MetricsStateDescriptors.minutes());
        openChanges = getRuntimeContext().getMapState(MetricsStateDescriptors.openChanges());
        openBase = getRuntimeContext().getState(MetricsStateDescriptors.openBase());
        group = getRuntimeContext().getState(MetricsStateDescriptors.group());
        changesBeyondLateness =
                getRuntimeContext().getMetricGroup().counter("metricsChangesBeyondLateness");
        sweptThrough = Long.MIN_VALUE;
        swept = new HashSet<>();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        timeReached = TimeReached.restore(context, MetricsStateDescriptors.timeReached());
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        timeReached.snapshot();
    }

    @Override
    public void processElement(BookingChange change, Context ctx, Collector<MinuteMetric> out)
            throws Exception {
        long now = timeReached.advance(ctx.timerService().currentWatermark());
        group.update(change.group());
        TreeSet<Long> changedMinutes = book(change, now, ctx.timerService());
        long earliestOpenChange = moveOpen(change, now, ctx.timerService());
        // A minute already emitted is rewritten when its counts changed, or when an open change at
        // or before its end changed its open count. Most changes touch only minutes still to come.
        boolean rewrites =
                earliestOpenChange <= now
                        || (!changedMinutes.isEmpty()
                                && MetricMinutes.endOf(changedMinutes.first()) <= now);
        if (rewrites) {
            for (Map.Entry<Long, MinuteCounts> minute : heldMinutes()) {
                long end = MetricMinutes.endOf(minute.getKey());
                if (end <= now
                        && (changedMinutes.contains(minute.getKey())
                                || end >= earliestOpenChange)) {
                    write(minute.getKey(), minute.getValue(), out);
                }
            }
        }
        clearIfQuiet();
    }

    /**
     * Handles, in one pass over the group's state, every timer of the group that the watermark now
     * passes, as each would have one after the other: a replay's watermark jumps once from the
     * start to the end, and a group's minutes must not be read and sorted again for each of its
     * timers. The timers it handled are deleted; any other the same advance still fires (one of a
     * minute or open change since removed) finds nothing to do.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MinuteMetric> out)
            throws Exception {
        long through = Math.max(timestamp, ctx.timerService().currentWatermark());
        if (through != sweptThrough) {
            sweptThrough = through;
            swept.clear();
        }
        if (!swept.add(ctx.getCurrentKey())) {
            timeReached.advance(timestamp);
            return;
        }
        TreeSet<Long> instants = new TreeSet<>();
        instants.add(timestamp);
        TreeMap<Long, Integer> changes = new TreeMap<>();
        for (Map.Entry<Long, Integer> change : openChanges.entries()) {
            changes.put(change.getKey(), change.getValue());
            instants.add(
                    MetricMinutes.endOf(MetricMinutes.minuteOf(change.getKey())) + latenessMillis);
        }
        TreeMap<Long, MinuteCounts> held = new TreeMap<>();
        for (Map.Entry<Long, MinuteCounts> minute : minutes.entries()) {
            held.put(minute.getKey(), minute.getValue());
            instants.add(MetricMinutes.endOf(minute.getKey()));
            instants.add(MetricMinutes.endOf(minute.getKey()) + latenessMillis);
        }
        NavigableSet<Long> handled = instants.subSet(timestamp, true, through, true);
        for (long instant : handled.tailSet(timestamp, false)) {
            ctx.timerService().deleteEventTimeTimer(instant);
        }
        long last = handled.last();
        timeReached.advance(last);

        long base = base();
        // Open at a minute's end: the base and the changes at or before it. Folding a final change
        // into the base leaves that sum as it was for every later end, so one sweep gives them all.
        long openSoFar = base;
        Iterator<Map.Entry<Long, Integer>> notYetCounted = changes.entrySet().iterator();
        Map.Entry<Long, Integer> nextChange = notYetCounted.hasNext() ? notYetCounted.next() : null;
        for (Map.Entry<Long, MinuteCounts> minute : held.entrySet()) {
            long end = MetricMinutes.endOf(minute.getKey());
            boolean writtenNow = handled.contains(end) && !isFinal(minute.getKey(), end);
            if (writtenNow) {
                while (nextChange != null && nextChange.getKey() <= end) {
                    openSoFar += nextChange.getValue();
                    nextChange = notYetCounted.hasNext() ? notYetCounted.next() : null;
                }
                write(minute.getKey(), minute.getValue(), openSoFar, out);
            }
            if (isFinal(minute.getKey(), last)) {
                minutes.remove(minute.getKey());
            }
        }
        for (Map.Entry<Long, Integer> change : changes.entrySet()) {
            if (isFinal(MetricMinutes.minuteOf(change.getKey()), last)) {
                base += change.getValue();
                openChanges.remove(change.getKey());
            }
        }
        setBase(base);
        clearIfQuiet();
    }

    /**
     * Withdraws the change's old counts and adds its new ones in the minutes still held; the
     * minutes whose counts changed.
     */
    private TreeSet<Long> book(BookingChange change, long now, TimerService timers)
            throws Exception {
        Map<Long, MinuteCounts> withdrawn = countsOf(change.withdrawn());
        Map<Long, MinuteCounts> booked = countsOf(change.booked());
        TreeSet<Long> affected = new TreeSet<>(withdrawn.keySet());
        affected.addAll(booked.keySet());
        TreeSet<Long> changed = new TreeSet<>();
        for (long minute : affected) {
            MinuteCounts held = minutes.get(minute);
            held = held == null ? MinuteCounts.NONE : held;
            MinuteCounts next =
                    held.minus(withdrawn.getOrDefault(minute, MinuteCounts.NONE))
                            .plus(booked.getOrDefault(minute, MinuteCounts.NONE));
            if (next.equals(held)) {
                continue;
            }
            if (isFinal(minute, now)) {
                changesBeyondLateness.inc();
                continue;
            }
            if (next.isZero() && !next.written()) {
                minutes.remove(minute);
            } else {
                minutes.put(minute, next);
            }
            changed.add(minute);
            long end = MetricMinutes.endOf(minute);
            if (end > now) {
                timers.registerEventTimeTimer(end);
            }
            timers.registerEventTimeTimer(end + latenessMillis);
        }
        return changed;
    }

    /**
     * Moves the group's open count by the change's old and new open intervals; the earliest instant
     * whose change is held (Long.MAX_VALUE when none).
     */
    private long moveOpen(BookingChange change, long now, TimerService timers) throws Exception {
        Map<Long, Integer> net = new TreeMap<>();
        if (change.withdrawn() != null) {
            change.withdrawn()
                    .openChanges()
                    .forEach((instant, d) -> net.merge(instant, -d, Integer::sum));
        }
        if (change.booked() != null) {
            change.booked()
                    .openChanges()
                    .forEach((instant, d) -> net.merge(instant, d, Integer::sum));
        }
        long earliest = Long.MAX_VALUE;
        for (Map.Entry<Long, Integer> delta : net.entrySet()) {
            long instant = delta.getKey();
            if (delta.getValue() == 0) {
                continue;
            }
            long minute = MetricMinutes.minuteOf(instant);
            if (isFinal(minute, now)) {
                setBase(base() + delta.getValue());
                continue;
            }
            Integer held = openChanges.get(instant);
            int next = (held == null ? 0 : held) + delta.getValue();
            if (next == 0) {
                openChanges.remove(instant);
            } else {
                openChanges.put(instant, next);
            }
            timers.registerEventTimeTimer(MetricMinutes.endOf(minute) + latenessMillis);
            earliest = Math.min(earliest, instant);
        }
        return earliest;
    }

    private static Map<Long, MinuteCounts> countsOf(IncidentBookings bookings) {
        return bookings == null ? Map.of() : bookings.counts();
    }

    /** A group holding no minute, no open change and no open incident keeps no state. */
    private void clearIfQuiet() throws Exception {
        if (minutes.isEmpty() && openChanges.isEmpty() && base() == 0) {
            openBase.clear();
            group.clear();
        }
    }

    /** Emits a minute's metric (a zero one deletes a written document) and keeps what it said. */
    private void write(long minute, MinuteCounts counts, Collector<MinuteMetric> out)
            throws Exception {
        write(minute, counts, counts.isZero() ? 0 : openAt(MetricMinutes.endOf(minute)), out);
    }

    private void write(long minute, MinuteCounts counts, long open, Collector<MinuteMetric> out)
            throws Exception {
        if (counts.isZero()) {
            if (counts.written()) {
                out.collect(MinuteMetric.of(minute, group.value(), counts, 0));
            }
            minutes.remove(minute);
            return;
        }
        out.collect(MinuteMetric.of(minute, group.value(), counts, open));
        if (!counts.written()) {
            minutes.put(minute, counts.withWritten(true));
        }
    }

    /**
     * Incidents of the group open at {@code instant}: reported at or before it, not ended by it.
     */
    private long openAt(long instant) throws Exception {
        long open = base();
        for (Map.Entry<Long, Integer> change : openChanges.entries()) {
            if (change.getKey() <= instant) {
                open += change.getValue();
            }
        }
        return open;
    }

    private boolean isFinal(long minute, long now) {
        return MetricMinutes.endOf(minute) + latenessMillis <= now;
    }

    private List<Map.Entry<Long, MinuteCounts>> heldMinutes() throws Exception {
        List<Map.Entry<Long, MinuteCounts>> held = new ArrayList<>();
        for (Map.Entry<Long, MinuteCounts> minute : minutes.entries()) {
            held.add(Map.entry(minute.getKey(), minute.getValue()));
        }
        held.sort(Map.Entry.comparingByKey());
        return held;
    }

    private long base() throws Exception {
        Long base = openBase.value();
        return base == null ? 0 : base;
    }

    private void setBase(long base) throws Exception {
        if (base == 0) {
            openBase.clear();
        } else {
            openBase.update(base);
        }
    }
}
