package org.pingzhi.jobs.metrics;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stage 1 of the metrics, keyed by incidentId: on each change of an incident, what it books now
 * against what it booked before, as {@link BookingChange}s per group (nothing when its bookings did
 * not move).
 *
 * <p>State: the incident's last bookings. They are dropped one lateness bound after the end of the
 * last minute an ended incident touches: every minute it was booked in is final then, and its open
 * interval is closed, so a later change of it counts as a new incident without making a held minute
 * wrong (its old bookings are all in final minutes, which nothing rewrites). An incident that never
 * ends keeps its bookings (a hundred bytes or so), as it keeps counting as open.
 */
public class IncidentBookingsFunction
        extends KeyedProcessFunction<String, IncidentBookings, BookingChange> {

    /** The operator's stable uid (state is restored by it) and its name in the job graph. */
    public static final String UID = "metrics-bookings";

    public static final String NAME = "Metric bookings per incident";

    private final long latenessMillis;

    private transient ValueState<IncidentBookings> booked;

    public IncidentBookingsFunction(long latenessMillis) {
        this.latenessMillis = latenessMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        booked = getRuntimeContext().getState(MetricsStateDescriptors.bookings());
    }

    @Override
    public void processElement(IncidentBookings next, Context ctx, Collector<BookingChange> out)
            throws Exception {
        IncidentBookings last = booked.value();
        if (next.equals(last)) {
            return;
        }
        BookingChange.between(last, next).forEach(out::collect);
        reschedule(ctx.timerService(), cleanupAt(last), cleanupAt(next));
        booked.update(next);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BookingChange> out)
            throws Exception {
        Long due = cleanupAt(booked.value());
        if (due != null && due == timestamp) {
            booked.clear();
        }
    }

    /** When an incident's bookings can go: null while it is open. */
    private Long cleanupAt(IncidentBookings bookings) {
        Long lastMinute = bookings == null ? null : bookings.lastMinute();
        return lastMinute == null ? null : MetricMinutes.endOf(lastMinute) + latenessMillis;
    }

    private static void reschedule(TimerService timers, Long before, Long after) {
        if (before != null && !before.equals(after)) {
            timers.deleteEventTimeTimer(before);
        }
        if (after != null) {
            timers.registerEventTimeTimer(after);
        }
    }
}
