package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class MetricsStateDescriptorsTest {

    private static <T> T roundTrip(TypeInformation<T> type, T value) throws Exception {
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<T> serializer = type.createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static final IncidentBookings OPEN =
            Judged.bookings(minutes(11), police("J1", "RECEIVED", minutes(0.5)).build());

    private static final IncidentBookings RESPONDED =
            Judged.bookings(
                    minutes(11),
                    police("J1", "RECEIVED", minutes(0.5)).build(),
                    police("J1", "ARRIVED", minutes(9)).build());

    @Test
    void bookingsAreStoredAsPojos() throws Exception {
        assertThat(roundTrip(MetricsStateDescriptors.BOOKINGS_TYPE, OPEN)).isEqualTo(OPEN);
        assertThat(roundTrip(MetricsStateDescriptors.BOOKINGS_TYPE, RESPONDED))
                .isEqualTo(RESPONDED);
    }

    @Test
    void minuteCountsAreStoredAsPojos() throws Exception {
        MinuteCounts counts =
                MinuteCounts.ofReported()
                        .plus(MinuteCounts.ofResponse(510_000))
                        .plus(MinuteCounts.ofResponse(20_000))
                        .withWritten(true);

        assertThat(roundTrip(MetricsStateDescriptors.COUNTS_TYPE, counts)).isEqualTo(counts);
    }

    @Test
    void changesAndMetricsTravelAsPojos() throws Exception {
        BookingChange change = new BookingChange(OPEN.group(), OPEN, null);
        MinuteMetric metric = new MinuteMetric(minutes(0), OPEN.group(), 1, 0, 0, 0, 0, null, 1);

        assertThat(roundTrip(MetricsStateDescriptors.CHANGE_TYPE, change)).isEqualTo(change);
        assertThat(roundTrip(MetricsStateDescriptors.METRIC_TYPE, metric)).isEqualTo(metric);
    }
}
