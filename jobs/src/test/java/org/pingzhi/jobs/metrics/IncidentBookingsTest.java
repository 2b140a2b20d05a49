package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingzhi.jobs.lifecycle.TestEvents;

class IncidentBookingsTest {

    @Test
    void aMetIncidentBooksItsReportAndItsResponseInTheirMinutes() {
        IncidentBookings bookings =
                Judged.bookings(
                        minutes(30),
                        police("J1", "RECEIVED", minutes(0.5))
                                .category("FIRE_SAFETY", "火灾")
                                .build(),
                        police("J1", "ARRIVED", minutes(5.25)).build(),
                        police("J1", "FINISHED", minutes(20)).build());

        assertThat(bookings.group())
                .isEqualTo(new MetricGroup("330482001", "当湖街道", "110", "FIRE_SAFETY"));
        Map<Long, MinuteCounts> counts = bookings.counts();
        assertThat(counts).containsOnlyKeys(minutes(0), minutes(5));
        assertThat(counts.get(minutes(0))).isEqualTo(MinuteCounts.ofReported());
        MinuteCounts responseMinute = counts.get(minutes(5));
        assertThat(responseMinute.responseMillis()).containsExactly(285_000);
        assertThat(responseMinute.slaMet()).isEqualTo(1);
        assertThat(responseMinute.slaBreached()).isZero();
        assertThat(bookings.openChanges())
                .containsExactly(entry(minutes(0.5), 1), entry(minutes(20), -1));
    }

    @Test
    void aBreachedIncidentAnsweredLateCountsAsRespondedAndBreachesInItsDeadlineMinute() {
        IncidentBookings bookings =
                Judged.bookings(
                        minutes(30),
                        police("J1", "RECEIVED", minutes(0.5)).build(),
                        police("J1", "ARRIVED", minutes(12)).build());

        Map<Long, MinuteCounts> counts = bookings.counts();
        assertThat(counts).containsOnlyKeys(minutes(0), minutes(10), minutes(12));
        assertThat(counts.get(minutes(10)).slaBreached()).isEqualTo(1);
        assertThat(counts.get(minutes(12)).responseMillis()).containsExactly(690_000);
        assertThat(counts.get(minutes(12)).slaMet()).isZero();
        assertThat(bookings.openChanges()).containsExactly(entry(minutes(0.5), 1));
    }

    @Test
    void aPendingIncidentBooksOnlyItsReport() {
        IncidentBookings bookings =
                Judged.bookings(minutes(9), police("J1", "RECEIVED", minutes(0.5)).build());

        assertThat(bookings.counts()).containsOnlyKeys(minutes(0));
    }

    @Test
    void aVoidIncidentIsNeitherRespondedNorMetAndEndsAtItsCancellation() {
        IncidentBookings bookings =
                Judged.bookings(
                        minutes(30),
                        police("J1", "RECEIVED", minutes(0.5)).build(),
                        police("J1", "CANCELLED", minutes(3)).build(),
                        police("J1", "ARRIVED", minutes(4)).build());

        assertThat(bookings.counts()).containsOnlyKeys(minutes(0));
        assertThat(bookings.respondedAt()).isNull();
        assertThat(bookings.openChanges())
                .containsExactly(entry(minutes(0.5), 1), entry(minutes(3), -1));
    }

    @Test
    void aResponseInTheReportMinuteBooksBothThere() {
        IncidentBookings bookings =
                Judged.bookings(
                        minutes(30),
                        police("J1", "RECEIVED", minutes(0.25)).build(),
                        police("J1", "FINISHED", minutes(0.75)).build());

        MinuteCounts counts = bookings.counts().get(minutes(0));
        assertThat(counts.reported()).isEqualTo(1);
        assertThat(counts.responseMillis()).containsExactly(30_000);
        assertThat(counts.slaMet()).isEqualTo(1);
    }

    @Test
    void theGroupIsTheFinalTownAndTheOwnSourceOfAHandedOverIncident() {
        IncidentBookings bookings =
                Judged.bookings(
                        minutes(30),
                        TestEvents.hotline("PH1", "CREATE", minutes(1))
                                .linkedTo("J1")
                                .town("乍浦镇")
                                .category("LABOUR", "劳动保障")
                                .build(),
                        police("J1", "RECEIVED", minutes(0.5)).town("新仓镇").build(),
                        police("J1", "TRANSFERRED_12345", minutes(0.75)).build());

        assertThat(bookings.group().townCode()).isEqualTo("330482102");
        assertThat(bookings.group().town()).isEqualTo("新仓镇");
        assertThat(bookings.group().source()).isEqualTo("110");
        assertThat(bookings.reportedAt()).isEqualTo(minutes(0.5));
    }

    @Test
    void anIncidentEndedAtOrBeforeItsReportIsNeverOpen() {
        IncidentBookings bookings =
                Judged.bookings(
                        minutes(30),
                        police("J1", "CANCELLED", minutes(0.5)).build(),
                        police("J1", "RECEIVED", minutes(0.5)).build());

        assertThat(bookings.openChanges()).isEmpty();
    }
}
