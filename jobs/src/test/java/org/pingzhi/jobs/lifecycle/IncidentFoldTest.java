package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pingzhi.jobs.lifecycle.TestEvents.hotline;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.model.UnifiedStatus;

class IncidentFoldTest {

    private static final String ALARM = "J330482202611280001";
    private static final String ORDER = "PH2026112800101";

    private static IncidentState fold(UnifiedEvent... records) {
        return IncidentFold.fold(records[0].incidentId(), List.of(records));
    }

    @Test
    void duplicatesCountOnce() {
        IncidentState state =
                fold(
                        police(ALARM, "RECEIVED", minutes(0)).build(),
                        police(ALARM, "ARRIVED", minutes(7)).build(),
                        police(ALARM, "ARRIVED", minutes(7)).build());

        assertThat(state.status()).isEqualTo(UnifiedStatus.ON_SCENE);
        assertThat(state.milestones().onSceneAt()).isEqualTo(minutes(7));
    }

    @Test
    void duplicatesThatDifferInContentResolveTheSameWayInAnyOrder() {
        UnifiedEvent withUnit = police(ALARM, "ARRIVED", minutes(7)).unit("巡逻二组").build();
        UnifiedEvent withOtherUnit = police(ALARM, "ARRIVED", minutes(7)).unit("巡逻一组").build();
        UnifiedEvent report = police(ALARM, "RECEIVED", minutes(0)).build();

        IncidentState one =
                IncidentFold.fold("110-" + ALARM, List.of(report, withUnit, withOtherUnit));
        IncidentState other =
                IncidentFold.fold("110-" + ALARM, List.of(withOtherUnit, report, withUnit));

        assertThat(one).isEqualTo(other);
        assertThat(one.unit()).isEqualTo("巡逻一组");
    }

    @Test
    void statusOnlyMovesForward() {
        IncidentState state =
                fold(
                        hotline(ORDER, "CREATE", minutes(0)).build(),
                        hotline(ORDER, "ARRIVE", minutes(5)).build(),
                        hotline(ORDER, "ASSIGN", minutes(6)).build());

        assertThat(state.status()).isEqualTo(UnifiedStatus.ON_SCENE);
        assertThat(state.milestones().dispatchedAt()).isEqualTo(minutes(6));
    }

    @Test
    void recordsAtTheSameInstantApplyInTheContractsTieOrder() {
        // Listed against the tie order: CANCELLED, REOPEN, CLOSED, ON_SCENE all at minute 5.
        IncidentState state =
                fold(
                        hotline(ORDER, "CREATE", minutes(0)).build(),
                        hotline(ORDER, "REVOKE", minutes(5)).build(),
                        hotline(ORDER, "REOPEN", minutes(5)).build(),
                        hotline(ORDER, "CLOSE", minutes(5)).build(),
                        hotline(ORDER, "ARRIVE", minutes(5)).build());

        // ON_SCENE, CLOSED, REOPEN -> DISPATCHED, then CANCELLED applies.
        assertThat(state.status()).isEqualTo(UnifiedStatus.CANCELLED);
        assertThat(state.cancelledAt()).isEqualTo(minutes(5));
        assertThat(state.milestones().closedAt()).isEqualTo(minutes(5));
    }

    @Test
    void cancellationAtTheInstantOfClosingComesAfterItAndDoesNothing() {
        IncidentState state =
                fold(
                        police(ALARM, "CANCELLED", minutes(9)).build(),
                        police(ALARM, "CLOSED", minutes(9)).build(),
                        police(ALARM, "RECEIVED", minutes(0)).build());

        assertThat(state.status()).isEqualTo(UnifiedStatus.CLOSED);
        assertThat(state.cancelledAt()).isNull();
    }

    @Test
    void reopenTakesAResolvedIncidentBackToDispatchedFromWhereItMovesOn() {
        List<UnifiedEvent> records =
                new ArrayList<>(
                        List.of(
                                hotline(ORDER, "CREATE", minutes(0)).build(),
                                hotline(ORDER, "ASSIGN", minutes(1)).build(),
                                hotline(ORDER, "REPLY", minutes(4)).build(),
                                hotline(ORDER, "REOPEN", minutes(30)).build()));
        assertThat(IncidentFold.fold("12345-" + ORDER, records).status())
                .isEqualTo(UnifiedStatus.DISPATCHED);

        records.add(hotline(ORDER, "ARRIVE", minutes(40)).build());
        IncidentState state = IncidentFold.fold("12345-" + ORDER, records);

        assertThat(state.status()).isEqualTo(UnifiedStatus.ON_SCENE);
        assertThat(state.milestones().resolvedAt()).isEqualTo(minutes(4));
        assertThat(state.respondedAt()).isEqualTo(minutes(4));
    }

    @Test
    void reopenOfAClosedIncidentAlsoReturnsToDispatched() {
        IncidentState state =
                fold(
                        hotline(ORDER, "CREATE", minutes(0)).build(),
                        hotline(ORDER, "CLOSE", minutes(4)).build(),
                        hotline(ORDER, "REOPEN", minutes(30)).build());

        assertThat(state.status()).isEqualTo(UnifiedStatus.DISPATCHED);
    }

    @Test
    void reopenDoesNothingAtAnyOtherStatus() {
        assertThat(
                        fold(
                                        hotline(ORDER, "CREATE", minutes(0)).build(),
                                        hotline(ORDER, "REOPEN", minutes(1)).build())
                                .status())
                .isEqualTo(UnifiedStatus.REPORTED);
        assertThat(
                        fold(
                                        hotline(ORDER, "CREATE", minutes(0)).build(),
                                        hotline(ORDER, "ARRIVE", minutes(1)).build(),
                                        hotline(ORDER, "REOPEN", minutes(2)).build())
                                .status())
                .isEqualTo(UnifiedStatus.ON_SCENE);
    }

    @Test
    void cancellationIsFinal() {
        IncidentState state =
                fold(
                        hotline(ORDER, "CREATE", minutes(0)).build(),
                        hotline(ORDER, "REVOKE", minutes(3)).build(),
                        hotline(ORDER, "ARRIVE", minutes(5)).build(),
                        hotline(ORDER, "CLOSE", minutes(6)).build(),
                        hotline(ORDER, "REOPEN", minutes(7)).build());

        assertThat(state.status()).isEqualTo(UnifiedStatus.CANCELLED);
        assertThat(state.cancelledAt()).isEqualTo(minutes(3));
        assertThat(state.milestones().onSceneAt()).isEqualTo(minutes(5));
    }

    @Test
    void cancellationOfAClosedIncidentDoesNothingButAppliesAfterAReopen() {
        List<UnifiedEvent> records =
                new ArrayList<>(
                        List.of(
                                hotline(ORDER, "CREATE", minutes(0)).build(),
                                hotline(ORDER, "CLOSE", minutes(4)).build(),
                                hotline(ORDER, "REVOKE", minutes(5)).build()));
        IncidentState closed = IncidentFold.fold("12345-" + ORDER, records);
        assertThat(closed.status()).isEqualTo(UnifiedStatus.CLOSED);
        assertThat(closed.cancelledAt()).isNull();

        records.add(hotline(ORDER, "REOPEN", minutes(20)).build());
        records.add(hotline(ORDER, "REVOKE", minutes(25)).build());
        IncidentState cancelled = IncidentFold.fold("12345-" + ORDER, records);
        assertThat(cancelled.status()).isEqualTo(UnifiedStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(minutes(25));
    }

    @Test
    void milestonesAreTheEarliestTimeOfEachStatus() {
        IncidentState state =
                fold(
                        hotline(ORDER, "CREATE", minutes(0)).build(),
                        hotline(ORDER, "ASSIGN", minutes(2)).build(),
                        hotline(ORDER, "ASSIGN", minutes(1)).build(),
                        hotline(ORDER, "SIGN", minutes(3)).build(),
                        hotline(ORDER, "ARRIVE", minutes(8)).build(),
                        hotline(ORDER, "REPLY", minutes(20)).build(),
                        hotline(ORDER, "CLOSE", minutes(30)).build(),
                        hotline(ORDER, "REOPEN", minutes(40)).build(),
                        hotline(ORDER, "REPLY", minutes(50)).build());

        assertThat(state.milestones())
                .isEqualTo(
                        new Milestones(
                                minutes(1),
                                minutes(3),
                                minutes(8),
                                minutes(20),
                                minutes(30),
                                null));
        assertThat(state.status()).isEqualTo(UnifiedStatus.RESOLVED);
        assertThat(state.updatedAt()).isEqualTo(minutes(50));
    }

    @Test
    void responseIsTheEarliestOfOnSceneResolvedAndClosed() {
        assertThat(
                        fold(
                                        hotline(ORDER, "CREATE", minutes(0)).build(),
                                        hotline(ORDER, "REPLY", minutes(6)).build())
                                .respondedAt())
                .as("resolved by phone")
                .isEqualTo(minutes(6));
        assertThat(
                        fold(
                                        police(ALARM, "RECEIVED", minutes(0)).build(),
                                        police(ALARM, "ARRIVED", minutes(9)).build(),
                                        police(ALARM, "CLOSED", minutes(8)).build())
                                .respondedAt())
                .isEqualTo(minutes(8));
        assertThat(
                        fold(
                                        police(ALARM, "RECEIVED", minutes(0)).build(),
                                        police(ALARM, "DISPATCHED", minutes(1)).build())
                                .respondedAt())
                .isNull();
    }

    @Test
    void theOwnSourcesReportRecordDescribesAHandedOverIncident() {
        IncidentState state =
                fold(
                        police("J4", "RECEIVED", minutes(0))
                                .category("PUBLIC_SERVICE", "群众求助")
                                .priority(Priority.P3)
                                .town("钟埭街道")
                                .summary("路灯损坏")
                                .build(),
                        police("J4", "TRANSFERRED_12345", minutes(2)).town("钟埭街道").build(),
                        hotline("PH4", "CREATE", minutes(3))
                                .linkedTo("J4")
                                .category("CITY_ENVIRONMENT", "城乡建设/市政设施/路灯")
                                .priority(Priority.P1)
                                .town("钟埭街道")
                                .build(),
                        hotline("PH4", "ASSIGN", minutes(4))
                                .linkedTo("J4")
                                .town("钟埭街道")
                                .unit("服务队")
                                .build());

        assertThat(state.incidentId()).isEqualTo("110-J4");
        assertThat(state.ownSource()).isEqualTo(Source.POLICE_110);
        assertThat(state.sources()).containsExactly(Source.POLICE_110, Source.HOTLINE_12345);
        assertThat(state.report().category()).isEqualTo("PUBLIC_SERVICE");
        assertThat(state.report().rawCategory()).isEqualTo("群众求助");
        assertThat(state.report().priority()).isEqualTo(Priority.P3);
        assertThat(state.report().townCode()).isEqualTo("330482002");
        assertThat(state.report().summary()).isEqualTo("路灯损坏");
        assertThat(state.reportedAt()).isEqualTo(minutes(0));
        assertThat(state.alarmId()).isEqualTo("J4");
        assertThat(state.orderId()).isEqualTo("PH4");
        assertThat(state.unit()).isEqualTo("服务队");
        assertThat(state.status()).isEqualTo(UnifiedStatus.DISPATCHED);
    }

    @Test
    void
            withoutItsOwnReportAnIncidentIsDescribedByTheOtherSourcesButClockedFromItsEarliestRecord() {
        IncidentState state =
                fold(
                        police("J4", "TRANSFERRED_12345", minutes(2)).town("钟埭街道").build(),
                        hotline("PH4", "CREATE", minutes(3))
                                .linkedTo("J4")
                                .category("CITY_ENVIRONMENT", "城乡建设/市政设施/路灯")
                                .town("新仓镇")
                                .village("新仓社区")
                                .build());

        assertThat(state.report().category()).isEqualTo("CITY_ENVIRONMENT");
        assertThat(state.report().priority()).as("12345's own default").isEqualTo(Priority.P3);
        assertThat(state.report().town()).isEqualTo("新仓镇");
        assertThat(state.report().village()).isEqualTo("新仓社区");
        assertThat(state.reportedAt()).isEqualTo(minutes(2));
    }

    @Test
    void
            withoutAnyReportAnIncidentIsOtherInTheTownOfItsEarliestRecordAtItsSourcesDefaultPriority() {
        IncidentState police =
                fold(
                        police(ALARM, "ARRIVED", minutes(9)).town("乍浦镇").build(),
                        police(ALARM, "DISPATCHED", minutes(2)).town("广陈镇").unit("一组").build());
        IncidentState hotline = fold(hotline(ORDER, "ASSIGN", minutes(2)).town("林埭镇").build());

        assertThat(police.report())
                .isEqualTo(
                        new ReportAttributes(
                                "OTHER",
                                null,
                                Priority.P2,
                                "330482105",
                                "广陈镇",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        assertThat(police.reportedAt()).isEqualTo(minutes(2));
        assertThat(hotline.report().priority()).isEqualTo(Priority.P3);
        assertThat(hotline.report().category()).isEqualTo("OTHER");
    }

    @Test
    void aReportRecordWithoutPriorityOrCategoryGetsTheDefaults() {
        IncidentState state = fold(police(ALARM, "RECEIVED", minutes(0)).build());

        assertThat(state.report().priority()).isEqualTo(Priority.P2);
        assertThat(state.report().category()).isEqualTo("OTHER");
    }

    @Test
    void theEarliestOwnReportRecordCounts() {
        IncidentState state =
                fold(
                        hotline(ORDER, "CREATE", minutes(5)).category("TRAFFIC", "交通运输").build(),
                        hotline(ORDER, "CREATE", minutes(1)).category("LABOUR", "劳动保障").build());

        assertThat(state.report().category()).isEqualTo("LABOUR");
        assertThat(state.reportedAt()).isEqualTo(minutes(1));
    }

    @Test
    void theOwnReportRecordStartsTheClockEvenWhenOtherRecordsAreEarlier() {
        IncidentState state =
                fold(
                        police(ALARM, "DISPATCHED", minutes(1)).build(),
                        police(ALARM, "RECEIVED", minutes(2)).build());

        assertThat(state.reportedAt()).isEqualTo(minutes(2));
    }

    @Test
    void locationAndTheCallersKeyComeFromTheReport() {
        IncidentState state =
                fold(
                        police(ALARM, "RECEIVED", minutes(0))
                                .location(30.6991, 121.0162)
                                .callerKey("k1")
                                .build(),
                        police(ALARM, "ARRIVED", minutes(3)).location(30.1, 121.1).build());

        assertThat(state.report().lat()).isEqualTo(30.6991);
        assertThat(state.report().lon()).isEqualTo(121.0162);
        assertThat(state.report().hasLocation()).isTrue();
        assertThat(state.report().callerKey()).isEqualTo("k1");
    }

    @Test
    void theLatestKnownUnitHandlesIt() {
        List<UnifiedEvent> records =
                new ArrayList<>(
                        List.of(
                                hotline(ORDER, "CREATE", minutes(0)).build(),
                                hotline(ORDER, "ASSIGN", minutes(1)).unit("A").build(),
                                hotline(ORDER, "SIGN", minutes(2)).unit("B").build(),
                                hotline(ORDER, "ARRIVE", minutes(3)).build()));
        Collections.reverse(records);

        assertThat(IncidentFold.fold("12345-" + ORDER, records).unit()).isEqualTo("B");
    }

    @Test
    void theIncidentIdPrefixNamesTheOwnSource() {
        assertThat(IncidentFold.ownSource("110-J1")).isEqualTo(Source.POLICE_110);
        assertThat(IncidentFold.ownSource("12345-PH1")).isEqualTo(Source.HOTLINE_12345);
        assertThatThrownBy(() -> IncidentFold.ownSource("999-X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999-X");
        assertThatThrownBy(() -> IncidentFold.fold("110-J1", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
