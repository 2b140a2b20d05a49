package org.pingzhi.jobs.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * Both metrics stages in Flink's keyed operator harness, chained as the job chains them (stage 1's
 * output is stage 2's input), with generic (Kryo) types disabled so that a state type that is not a
 * POJO fails the test.
 */
final class MetricsHarness {

    final KeyedOneInputStreamOperatorTestHarness<String, IncidentBookings, BookingChange> bookings;
    final KeyedOneInputStreamOperatorTestHarness<String, BookingChange, MinuteMetric> minutes;
    private int forwarded;
    private int drained;

    MetricsHarness(long latenessMillis) throws Exception {
        this(latenessMillis, null, null);
    }

    MetricsHarness(
            long latenessMillis,
            OperatorSubtaskState bookingsState,
            OperatorSubtaskState minutesState)
            throws Exception {
        bookings =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new IncidentBookingsFunction()),
                        IncidentBookings::incidentId,
                        Types.STRING);
        minutes =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new MinuteMetricsFunction(latenessMillis)),
                        change -> change.group().key(),
                        Types.STRING);
        for (KeyedOneInputStreamOperatorTestHarness<String, ?, ?> harness :
                List.of(bookings, minutes)) {
            ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig())
                    .setGenericTypes(false);
        }
        if (bookingsState != null) {
            bookings.initializeState(bookingsState);
            minutes.initializeState(minutesState);
        }
        bookings.open();
        minutes.open();
    }

    MetricsHarness send(IncidentBookings... incidents) throws Exception {
        for (IncidentBookings incident : incidents) {
            bookings.processElement(new StreamRecord<>(incident));
            forward();
        }
        return this;
    }

    MetricsHarness watermark(long instant) throws Exception {
        bookings.processWatermark(instant);
        forward();
        minutes.processWatermark(instant);
        return this;
    }

    private void forward() throws Exception {
        List<BookingChange> all = bookings.extractOutputValues();
        for (BookingChange change : all.subList(forwarded, all.size())) {
            minutes.processElement(new StreamRecord<>(change));
        }
        forwarded = all.size();
    }

    /** The metrics emitted since the last call. */
    List<MinuteMetric> drain() {
        List<MinuteMetric> all = minutes.extractOutputValues();
        List<MinuteMetric> fresh = new ArrayList<>(all.subList(drained, all.size()));
        drained = all.size();
        return fresh;
    }

    /** The documents a sink would hold: the last write per id, deletions removing. */
    Map<String, MinuteMetric> documents() {
        Map<String, MinuteMetric> documents = new LinkedHashMap<>();
        for (MinuteMetric metric : minutes.extractOutputValues()) {
            if (metric.isZero()) {
                documents.remove(metric.id());
            } else {
                documents.put(metric.id(), metric);
            }
        }
        return documents;
    }

    /** The document of {@code minuteStart} of the group, or null when none exists. */
    MinuteMetric document(long minuteStart, MetricGroup group) {
        return documents().get(minuteStart + ":" + group.key());
    }

    int keyedStateEntries() {
        return bookings.numKeyedStateEntries() + minutes.numKeyedStateEntries();
    }

    int timers() {
        return bookings.numEventTimeTimers() + minutes.numEventTimeTimers();
    }
}
