package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.UnifiedEvent;

/** Stage 1 of the metrics alone, in Flink's operator harness. */
class IncidentBookingsFunctionTest {

    private static final long LATENESS = 60 * MINUTE;

    private static final UnifiedEvent REPORT = police("J1", "RECEIVED", minutes(0.5)).build();
    private static final UnifiedEvent DISPATCH = police("J1", "DISPATCHED", minutes(1)).build();
    private static final UnifiedEvent ARRIVAL = police("J1", "ARRIVED", minutes(5)).build();
    private static final UnifiedEvent CLOSING = police("J1", "CLOSED", minutes(20)).build();

    private final MetricsHarness harness;

    IncidentBookingsFunctionTest() throws Exception {
        harness = new MetricsHarness(LATENESS);
    }

    private void send(IncidentBookings bookings) throws Exception {
        harness.bookings.processElement(new StreamRecord<>(bookings));
    }

    @Test
    void aChangeThatMovesNoBookingSendsNothing() throws Exception {
        send(Judged.bookings(minutes(1), REPORT));
        send(Judged.bookings(minutes(2), REPORT, DISPATCH));

        assertThat(harness.bookings.extractOutputValues()).hasSize(1);
    }

    @Test
    void aChangeWithdrawsWhatWasBookedBefore() throws Exception {
        IncidentBookings reported = Judged.bookings(minutes(1), REPORT);
        IncidentBookings responded = Judged.bookings(minutes(6), REPORT, ARRIVAL);
        send(reported);
        send(responded);

        assertThat(harness.bookings.extractOutputValues())
                .containsExactly(
                        new BookingChange(reported.group(), null, reported),
                        new BookingChange(reported.group(), reported, responded));
    }

    @Test
    void aCloseHoursAfterTheReplyDoesNotBookTheIncidentAgain() throws Exception {
        UnifiedEvent finished = police("J1", "FINISHED", minutes(5.5)).build();
        send(Judged.bookings(minutes(6), REPORT, ARRIVAL, finished));
        harness.bookings.processWatermark(minutes(6) + 3 * LATENESS);

        UnifiedEvent closedLater = police("J1", "CLOSED", minutes(6) + 3 * LATENESS + 1).build();
        send(Judged.bookings(closedLater.eventTime(), REPORT, ARRIVAL, finished, closedLater));

        assertThat(harness.bookings.extractOutputValues()).hasSize(1);
    }

    @Test
    void anIncidentsBookingsGoWhenItsDocumentCanNoLongerChange() throws Exception {
        IncidentBookings closed = Judged.bookings(minutes(21), REPORT, ARRIVAL, CLOSING);
        send(closed);
        assertThat(harness.bookings.numEventTimeTimers()).isOne();

        harness.bookings.processWatermark(closed.keptUntil() - 1);
        assertThat(harness.bookings.numKeyedStateEntries()).isOne();

        harness.bookings.processWatermark(closed.keptUntil());
        assertThat(harness.bookings.numKeyedStateEntries()).isZero();
        assertThat(harness.bookings.numEventTimeTimers()).isZero();
    }

    @Test
    void aLaterEndMovesTheCleanupAndLeavesNoStaleTimer() throws Exception {
        send(
                Judged.bookings(
                        minutes(6),
                        REPORT,
                        ARRIVAL,
                        police("J1", "FINISHED", minutes(5.5)).build()));
        send(
                Judged.bookings(
                        minutes(21),
                        REPORT,
                        ARRIVAL,
                        CLOSING,
                        police("J1", "CANCELLED", minutes(3)).build()));

        assertThat(harness.bookings.numEventTimeTimers()).isOne();
    }

    @Test
    void anOpenIncidentKeepsItsBookingsAsLongAsItCanChange() throws Exception {
        IncidentBookings open = Judged.bookings(minutes(30), REPORT, ARRIVAL);
        send(open);
        harness.bookings.processWatermark(minutes(30) + 10 * LATENESS);
        assertThat(harness.bookings.numKeyedStateEntries()).isOne();

        harness.bookings.processWatermark(open.keptUntil());
        assertThat(harness.bookings.numKeyedStateEntries()).isZero();
        assertThat(harness.bookings.numEventTimeTimers()).isZero();
    }
}
