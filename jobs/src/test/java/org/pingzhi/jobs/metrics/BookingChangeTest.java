package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import org.junit.jupiter.api.Test;

class BookingChangeTest {

    private static final IncidentBookings REPORTED =
            Judged.bookings(minutes(1), police("J1", "RECEIVED", minutes(0.5)).build());

    @Test
    void nothingMovedIsNoChange() {
        assertThat(BookingChange.between(REPORTED, REPORTED)).isEmpty();
    }

    @Test
    void aNewIncidentIsBookedInItsGroup() {
        assertThat(BookingChange.between(null, REPORTED))
                .containsExactly(new BookingChange(REPORTED.group(), null, REPORTED));
    }

    @Test
    void aChangeWithinTheGroupWithdrawsAndBooksThere() {
        IncidentBookings responded =
                Judged.bookings(
                        minutes(6),
                        police("J1", "RECEIVED", minutes(0.5)).build(),
                        police("J1", "ARRIVED", minutes(5)).build());

        assertThat(BookingChange.between(REPORTED, responded))
                .containsExactly(new BookingChange(REPORTED.group(), REPORTED, responded));
    }

    @Test
    void aMovedTownWithdrawsFromTheOldGroupAndBooksInTheNew() {
        IncidentBookings moved =
                Judged.bookings(
                        minutes(1), police("J1", "RECEIVED", minutes(0.5)).town("乍浦镇").build());

        assertThat(BookingChange.between(REPORTED, moved))
                .containsExactly(
                        new BookingChange(REPORTED.group(), REPORTED, null),
                        new BookingChange(moved.group(), null, moved));
    }
}
