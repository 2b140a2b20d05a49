package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.UnifiedEvent;

/** Both stages of the per-minute metrics, in Flink's operator harness. */
class MinuteMetricsTest {

    private static final long LATENESS = 60 * MINUTE;

    private static final MetricGroup DANGHU_110_OTHER =
            new MetricGroup("330482001", "当湖街道", "110", "OTHER");

    private static UnifiedEvent report(String alarmId, double minute) {
        return police(alarmId, "RECEIVED", minutes(minute)).build();
    }

    private static UnifiedEvent arrival(String alarmId, double minute) {
        return police(alarmId, "ARRIVED", minutes(minute)).build();
    }

    private static UnifiedEvent closing(String alarmId, double minute) {
        return police(alarmId, "CLOSED", minutes(minute)).build();
    }

    private static MinuteMetric at(MetricsHarness harness, double minute) {
        return harness.document(minutes(minute), DANGHU_110_OTHER);
    }

    @Test
    void eachCountIsBookedInTheMinuteItHappenedIn() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        harness.send(
                Judged.bookings(minutes(30), report("J1", 0.5), arrival("J1", 5.5)),
                Judged.bookings(minutes(30), report("J2", 0.75), arrival("J2", 12.25)),
                Judged.bookings(minutes(30), report("J3", 1.5)));
        harness.watermark(minutes(30));

        assertThat(at(harness, 0))
                .isEqualTo(new MinuteMetric(minutes(0), DANGHU_110_OTHER, 2, 0, 0, 0, 0, null, 2));
        assertThat(at(harness, 1).reported()).isEqualTo(1);
        assertThat(at(harness, 1).open()).isEqualTo(3);
        assertThat(at(harness, 5))
                .isEqualTo(
                        new MinuteMetric(
                                minutes(5), DANGHU_110_OTHER, 0, 1, 1, 0, 300_000, 300_000L, 3));
        assertThat(at(harness, 10).slaBreached()).isEqualTo(1);
        assertThat(at(harness, 10).slaMet()).isZero();
        assertThat(at(harness, 12))
                .isEqualTo(
                        new MinuteMetric(
                                minutes(12), DANGHU_110_OTHER, 0, 1, 0, 0, 690_000, 690_000L, 3));
        assertThat(at(harness, 11).slaBreached()).isEqualTo(1);
        assertThat(harness.documents()).hasSize(6);
    }

    @Test
    void aMinuteIsWrittenOnceEventTimePassesItsEnd() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        harness.send(Judged.bookings(minutes(0.5), report("J1", 0.5)));

        harness.watermark(minutes(1) - 1);
        assertThat(harness.drain()).isEmpty();

        harness.watermark(minutes(1));
        assertThat(harness.drain())
                .containsExactly(
                        new MinuteMetric(minutes(0), DANGHU_110_OTHER, 1, 0, 0, 0, 0, null, 1));
    }

    @Test
    void anIncidentReportedExactlyAtTheMinutesEndIsOpenThen() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        harness.send(
                Judged.bookings(minutes(30), report("J1", 0.5)),
                Judged.bookings(minutes(30), report("J2", 1)));
        harness.watermark(minutes(30));

        assertThat(at(harness, 0).reported()).isEqualTo(1);
        assertThat(at(harness, 0).open()).isEqualTo(2);
    }

    @Test
    void anIncidentEndedExactlyAtTheMinutesEndIsNotOpenThen() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        harness.send(
                Judged.bookings(minutes(30), report("J1", 0.5)),
                Judged.bookings(minutes(30), report("J3", 0.25), closing("J3", 1)),
                Judged.bookings(minutes(30), report("J4", 0.25), closing("J4", 0.99)));
        harness.watermark(minutes(30));

        assertThat(at(harness, 0).reported()).isEqualTo(3);
        assertThat(at(harness, 0).open()).isEqualTo(1);
    }

    @Test
    void aRetractedBreachMovesOutOfItsMinuteAndTheZeroOnlyDocumentIsDeleted() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        harness.send(Judged.bookings(minutes(11), report("J1", 0.5)));
        harness.watermark(minutes(11));
        assertThat(at(harness, 10).slaBreached()).isEqualTo(1);
        harness.drain();

        // The arrival at 09:00 comes late: the breach was wrong, the incident MET.
        harness.send(Judged.bookings(minutes(11), report("J1", 0.5), arrival("J1", 9)));

        assertThat(harness.drain())
                .containsExactlyInAnyOrder(
                        new MinuteMetric(
                                minutes(9), DANGHU_110_OTHER, 0, 1, 1, 0, 510_000, 510_000L, 1),
                        new MinuteMetric(minutes(10), DANGHU_110_OTHER, 0, 0, 0, 0, 0, null, 0));
        assertThat(at(harness, 10)).isNull();
        assertThat(harness.documents())
                .containsOnlyKeys(
                        minutes(0) + ":" + DANGHU_110_OTHER.key(),
                        minutes(9) + ":" + DANGHU_110_OTHER.key());
    }

    @Test
    void aMovedResponseCorrectsTheMaximumOfItsFormerMinute() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        harness.send(
                Judged.bookings(minutes(30), report("J1", 0), arrival("J1", 5.5)),
                Judged.bookings(minutes(30), report("J2", 0), arrival("J2", 5.75)));
        harness.watermark(minutes(30));
        assertThat(at(harness, 5).responseMillisMax()).isEqualTo(345_000);

        // An earlier arrival of J2 comes late: its response moves to minute 4.
        harness.send(
                Judged.bookings(
                        minutes(30), report("J2", 0), arrival("J2", 4), arrival("J2", 5.75)));

        assertThat(at(harness, 5))
                .isEqualTo(
                        new MinuteMetric(
                                minutes(5), DANGHU_110_OTHER, 0, 1, 1, 0, 330_000, 330_000L, 2));
        assertThat(at(harness, 4).responseMillisMax()).isEqualTo(240_000);
    }

    @Test
    void aLateEndCorrectsTheOpenCountOfTheMinutesAfterItOnly() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        harness.send(
                Judged.bookings(minutes(5), report("J1", 0.5)),
                Judged.bookings(minutes(5), report("J2", 2.5)));
        harness.watermark(minutes(5));
        assertThat(at(harness, 0).open()).isEqualTo(1);
        assertThat(at(harness, 2).open()).isEqualTo(2);
        harness.drain();

        // J1's cancellation at 01:30 comes late: it was not open at the end of minute 2.
        harness.send(
                Judged.bookings(
                        minutes(5),
                        report("J1", 0.5),
                        police("J1", "CANCELLED", minutes(1.5)).build()));

        assertThat(harness.drain())
                .containsExactly(
                        new MinuteMetric(minutes(2), DANGHU_110_OTHER, 1, 0, 0, 0, 0, null, 1));
        assertThat(at(harness, 0).open()).isEqualTo(1);
    }

    @Test
    void beyondTheBoundMinutesStayAsWrittenButOpenCountsStayRight() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        harness.send(Judged.bookings(minutes(11), report("J1", 0.5)));
        harness.watermark(minutes(120));
        MinuteMetric breached = at(harness, 10);
        assertThat(breached.slaBreached()).isEqualTo(1);
        harness.drain();

        // The arrival at 09:00 arrives later than the bound after minute 10: nothing is rewritten.
        harness.send(
                Judged.bookings(
                        minutes(120), report("J1", 0.5), arrival("J1", 9), closing("J1", 9)));
        assertThat(harness.drain()).isEmpty();

        harness.send(Judged.bookings(minutes(130), report("J2", 125.5)));
        harness.watermark(minutes(130));
        assertThat(at(harness, 10)).isEqualTo(breached);
        assertThat(at(harness, 125).open()).isEqualTo(1);
    }

    @Test
    void aMovedTownMovesTheIncidentsBookingsToTheNewGroup() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        // 12345's copy of a handed-over alarm arrives first: its town stands until the 110 report.
        UnifiedEvent handedOver =
                org.pingzhi.jobs.lifecycle.TestEvents.hotline("PH1", "CREATE", minutes(0.75))
                        .linkedTo("J1")
                        .town("乍浦镇")
                        .build();
        harness.send(Judged.bookings(minutes(1), handedOver));
        harness.watermark(minutes(1));
        MetricGroup zhapu = new MetricGroup("330482100", "乍浦镇", "110", "OTHER");
        assertThat(harness.document(minutes(0), zhapu).reported()).isEqualTo(1);

        harness.send(Judged.bookings(minutes(1), handedOver, report("J1", 0.5)));

        assertThat(harness.document(minutes(0), zhapu)).isNull();
        assertThat(at(harness, 0).reported()).isEqualTo(1);
        assertThat(at(harness, 0).open()).isEqualTo(1);
    }

    @Test
    void aQuietGroupLeavesNoStateAndNoTimer() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        IncidentBookings reported = Judged.bookings(minutes(11), report("J1", 0.5));
        harness.send(
                reported,
                Judged.bookings(minutes(11), report("J2", 1), arrival("J2", 3), closing("J2", 4)));
        harness.watermark(minutes(11));
        IncidentBookings closed =
                Judged.bookings(
                        minutes(20), report("J1", 0.5), arrival("J1", 12), closing("J1", 15));
        harness.send(closed);
        harness.watermark(minutes(20));
        assertThat(harness.keyedStateEntries()).isPositive();

        harness.watermark(minutes(15) + MINUTE + LATENESS);
        assertThat(harness.minutes.numKeyedStateEntries()).isZero();
        assertThat(harness.minutes.numEventTimeTimers()).isZero();

        // the incidents' own bookings stay while any of their documents said they could change
        harness.watermark(Math.max(reported.keptUntil(), closed.keptUntil()));
        assertThat(harness.keyedStateEntries()).isZero();
        assertThat(harness.timers()).isZero();
    }

    @Test
    void anIncidentStillOpenKeepsOnlyItsBookingsAndTheGroupsOpenCount() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        IncidentBookings open = Judged.bookings(minutes(5), report("J1", 0.5));
        harness.send(open);
        harness.watermark(minutes(500));

        assertThat(harness.minutes.numEventTimeTimers()).isZero();
        // the incident's last bookings, and the group's open count and group
        assertThat(harness.keyedStateEntries()).isEqualTo(3);

        IncidentBookings closed =
                Judged.bookings(minutes(600), report("J1", 0.5), closing("J1", 599.5));
        harness.send(closed);
        harness.watermark(minutes(600) + MINUTE + LATENESS);
        assertThat(harness.minutes.numKeyedStateEntries()).isZero();
        assertThat(harness.minutes.numEventTimeTimers()).isZero();

        harness.watermark(Math.max(open.keptUntil(), closed.keptUntil()));
        assertThat(harness.keyedStateEntries()).isZero();
        assertThat(harness.timers()).isZero();
    }

    @Test
    void aRestoredRunRewritesNoMinuteThatWasFinal() throws Exception {
        MetricsHarness harness = new MetricsHarness(LATENESS);
        harness.send(Judged.bookings(minutes(11), report("J1", 0.5)));
        harness.watermark(minutes(120));
        var bookingsState = harness.bookings.snapshot(1, 1);
        var minutesState = harness.minutes.snapshot(1, 1);

        MetricsHarness restored = new MetricsHarness(LATENESS, bookingsState, minutesState);
        restored.send(
                Judged.bookings(
                        minutes(120), report("J1", 0.5), arrival("J1", 9), closing("J1", 9)));

        restored.watermark(minutes(121));

        assertThat(restored.drain()).isEmpty();
        assertThat(restored.minutes.numKeyedStateEntries()).isZero();
        assertThat(restored.minutes.numEventTimeTimers()).isZero();
    }

    @Test
    void oneWatermarkJumpEmitsWhatMinuteByMinuteStepsEmit() throws Exception {
        // A replay's watermark jumps once, from the start to the end: every timer of a group fires
        // in that one advance, and must do what the same timers do one watermark at a time.
        IncidentBookings[] incidents = {
            Judged.bookings(minutes(200), report("J1", 0.5), arrival("J1", 3), closing("J1", 70)),
            Judged.bookings(minutes(200), report("J2", 2), closing("J2", 2.5)),
            Judged.bookings(minutes(200), report("J3", 59.5)),
            Judged.bookings(
                    minutes(200), report("J4", 61), police("J4", "CANCELLED", minutes(62)).build()),
            Judged.bookings(minutes(200), report("J5", 120), arrival("J5", 125))
        };
        MetricsHarness stepped = new MetricsHarness(LATENESS).send(incidents);
        for (int minute = 0; minute <= 200; minute++) {
            stepped.watermark(minutes(minute));
        }
        stepped.watermark(Long.MAX_VALUE);
        MetricsHarness jumped = new MetricsHarness(LATENESS).send(incidents);
        jumped.watermark(Long.MAX_VALUE);

        assertThat(jumped.drain()).isNotEmpty().isEqualTo(stepped.drain());
        assertThat(jumped.keyedStateEntries()).isEqualTo(stepped.keyedStateEntries());
        assertThat(jumped.timers()).isZero();
    }
}
