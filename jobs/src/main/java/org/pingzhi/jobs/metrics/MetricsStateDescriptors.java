package org.pingzhi.jobs.metrics;

import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The state of the metrics operators (Flink POJOs, no Kryo): per incident its last bookings ({@link
 * IncidentBookingsFunction}); per group its held minutes and open count ({@link
 * MinuteMetricsFunction}).
 */
public final class MetricsStateDescriptors {

    public static final TypeInformation<IncidentBookings> BOOKINGS_TYPE =
            TypeInformation.of(IncidentBookings.class);
    public static final TypeInformation<MinuteCounts> COUNTS_TYPE =
            TypeInformation.of(MinuteCounts.class);
    public static final TypeInformation<MetricGroup> GROUP_TYPE =
            TypeInformation.of(MetricGroup.class);
    public static final TypeInformation<BookingChange> CHANGE_TYPE =
            TypeInformation.of(BookingChange.class);
    public static final TypeInformation<MinuteMetric> METRIC_TYPE =
            TypeInformation.of(MinuteMetric.class);

    private MetricsStateDescriptors() {}

    /** What the incident booked, as last told to the minute aggregation. */
    public static ValueStateDescriptor<IncidentBookings> bookings() {
        return new ValueStateDescriptor<>("metrics-incident-bookings", BOOKINGS_TYPE);
    }

    /** The group's minutes within the lateness bound, by minute start. */
    public static MapStateDescriptor<Long, MinuteCounts> minutes() {
        return new MapStateDescriptor<>("metrics-minutes", Types.LONG, COUNTS_TYPE);
    }

    /** Changes of the group's open count within the lateness bound, by instant. */
    public static MapStateDescriptor<Long, Integer> openChanges() {
        return new MapStateDescriptor<>("metrics-open-changes", Types.LONG, Types.INT);
    }

    /** The group's open count from every change older than the lateness bound. */
    public static ValueStateDescriptor<Long> openBase() {
        return new ValueStateDescriptor<>("metrics-open-base", Types.LONG);
    }

    /** The group the key stands for (its town's name is on every document). */
    public static ValueStateDescriptor<MetricGroup> group() {
        return new ValueStateDescriptor<>("metrics-group", GROUP_TYPE);
    }

    /**
     * Operator state (union list): the latest event time each subtask of the minute aggregation had
     * reached, so that after a restore a minute final before it is not reopened.
     */
    public static ListStateDescriptor<Long> timeReached() {
        return new ListStateDescriptor<>("metrics-time-reached", Types.LONG);
    }
}
