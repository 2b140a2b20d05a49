package org.pingzhi.jobs.metrics;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stage 1 of the metrics, keyed by incidentId: on each change of an incident, what it books now
 * against what it booked before, as {@link BookingChange}s per group (nothing when its bookings did
 * not move).
 *
 * <p>State: the incident's last bookings, kept until the lifecycle can no longer change its
 * document ({@link IncidentBookings#keptUntil}). Dropped sooner, a change that comes later (its
 * CLOSE hours after the reply) would book it again, as a new incident, and count it twice.
 */
public class IncidentBookingsFunction
        extends KeyedProcessFunction<String, IncidentBookings, BookingChange> {

    /** The operator's stable uid (state is restored by it) and its name in the job graph. */
    public static final String UID = "metrics-bookings";

    public static final String NAME = "Metric bookings per incident";

    private transient ValueState<IncidentBookings> booked;

    @Override
    public void open(OpenContext openContext) {
        booked = getRuntimeContext().getState(MetricsStateDescriptors.bookings());
    }

    @Override
    public void processElement(IncidentBookings next, Context ctx, Collector<BookingChange> out)
            throws Exception {
        IncidentBookings last = booked.value();
        BookingChange.between(last, next).forEach(out::collect);
        long keptUntil =
                last == null ? next.keptUntil() : Math.max(last.keptUntil(), next.keptUntil());
        if (last != null && last.keptUntil() != keptUntil) {
            ctx.timerService().deleteEventTimeTimer(last.keptUntil());
        }
        if (last == null || last.keptUntil() != keptUntil) {
            ctx.timerService().registerEventTimeTimer(keptUntil);
        }
        booked.update(next.withKeptUntil(keptUntil));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BookingChange> out)
            throws Exception {
        IncidentBookings last = booked.value();
        if (last != null && last.keptUntil() == timestamp) {
            booked.clear();
        }
    }
}
