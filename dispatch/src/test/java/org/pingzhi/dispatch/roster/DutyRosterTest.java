package org.pingzhi.dispatch.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.Severity;
import org.pingzhi.dispatch.channel.Channel;

class DutyRosterTest {

    static final String DANGHU = "330482001";

    final DutyRoster roster = load();

    static DutyRoster load() {
        try {
            return RosterFile.load(SampleRoster.file(), TownDirectory.standard());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An instant given in Pinghu's local time. */
    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DutyRoster.ZONE).toInstant();
    }

    @Test
    void aCriticalTownAlertOnAWorkdayGoesToTheTownsDayCrewByDingTalkAndWeCom() {
        // 2027-01-06 is a Wednesday
        Routing routing =
                roster.route(
                        AlertLevel.TOWN, DANGHU, Severity.CRITICAL, beijing("2027-01-06T10:00"));

        assertThat(routing.level()).isEqualTo(AlertLevel.TOWN);
        assertThat(routing.townCode()).isEqualTo(DANGHU);
        assertThat(routing.dayType()).isEqualTo(DayType.WORKDAY);
        assertThat(routing.shift()).isEqualTo(Shift.DAY);
        assertThat(ids(routing)).containsExactly("danghu-day");
        assertThat(routing.mobiles()).containsExactly("13800000001");
        assertThat(routing.channels().stream().map(Channel::name))
                .containsExactly("danghu-dingtalk", "danghu-wecom");
        assertThat(routing.policy())
                .contains(new AckPolicy(Severity.CRITICAL, Duration.ofMinutes(5), 2, true));
    }

    @Test
    void infoAndWarningGoToTheTownsWeComOnly() {
        Routing routing =
                roster.route(AlertLevel.TOWN, DANGHU, Severity.INFO, beijing("2027-01-06T10:00"));

        assertThat(routing.channels().stream().map(Channel::name)).containsExactly("danghu-wecom");
        assertThat(routing.policy()).isEmpty();
    }

    @Test
    void theNightAfterMidnightBelongsToTheShiftOfTheDayBefore() {
        // Saturday 03:00: the night shift that began on Friday, a workday
        Routing saturdayNight =
                roster.route(
                        AlertLevel.TOWN, DANGHU, Severity.WARNING, beijing("2027-01-09T03:00"));

        assertThat(saturdayNight.dutyDate()).isEqualTo(LocalDate.parse("2027-01-08"));
        assertThat(saturdayNight.dayType()).isEqualTo(DayType.WORKDAY);
        assertThat(saturdayNight.shift()).isEqualTo(Shift.NIGHT);
        assertThat(ids(saturdayNight)).containsExactly("danghu-night");
    }

    @Test
    void shiftsChangeExactlyAtTheirStart() {
        assertThat(
                        roster.route(
                                        AlertLevel.CITY,
                                        null,
                                        Severity.INFO,
                                        beijing("2027-01-06T08:29:59"))
                                .shift())
                .isEqualTo(Shift.NIGHT);
        assertThat(
                        roster.route(
                                        AlertLevel.CITY,
                                        null,
                                        Severity.INFO,
                                        beijing("2027-01-06T08:30"))
                                .shift())
                .isEqualTo(Shift.DAY);
        assertThat(
                        roster.route(
                                        AlertLevel.CITY,
                                        null,
                                        Severity.INFO,
                                        beijing("2027-01-06T17:29:59"))
                                .shift())
                .isEqualTo(Shift.DAY);
        assertThat(
                        roster.route(
                                        AlertLevel.CITY,
                                        null,
                                        Severity.INFO,
                                        beijing("2027-01-06T17:30"))
                                .shift())
                .isEqualTo(Shift.NIGHT);
    }

    @Test
    void weekendsAndListedHolidaysHaveTheHolidayCrewUnlessListedAsWorkdays() {
        // 2027-01-01 is a Friday listed as a holiday; 2027-01-09 a Saturday
        assertThat(
                        ids(
                                roster.route(
                                        AlertLevel.TOWN,
                                        DANGHU,
                                        Severity.WARNING,
                                        beijing("2027-01-01T10:00"))))
                .containsExactly("danghu-holiday-day");
        assertThat(
                        ids(
                                roster.route(
                                        AlertLevel.TOWN,
                                        DANGHU,
                                        Severity.WARNING,
                                        beijing("2027-01-09T10:00"))))
                .containsExactly("danghu-holiday-day");

        var tree = SampleRoster.tree();
        tree.withArray("workdays").add("2027-01-09");
        DutyRoster withMakeUpDay =
                RosterFile.parse("test", tree.toString(), TownDirectory.standard());

        assertThat(withMakeUpDay.dayType(LocalDate.parse("2027-01-09"))).isEqualTo(DayType.WORKDAY);
        assertThat(
                        ids(
                                withMakeUpDay.route(
                                        AlertLevel.TOWN,
                                        DANGHU,
                                        Severity.WARNING,
                                        beijing("2027-01-09T10:00"))))
                .containsExactly("danghu-day");
    }

    @Test
    void aCityAlertAndATownAlertOfNoKnownTownGoToTheCityDuty() {
        Instant at = beijing("2027-01-06T10:00");

        for (Routing routing :
                List.of(
                        roster.route(AlertLevel.CITY, DANGHU, Severity.CRITICAL, at),
                        roster.route(AlertLevel.TOWN, null, Severity.CRITICAL, at),
                        roster.route(AlertLevel.TOWN, "999999999", Severity.CRITICAL, at))) {
            assertThat(routing.level()).isEqualTo(AlertLevel.CITY);
            assertThat(routing.townCode()).isNull();
            assertThat(ids(routing)).containsExactly("city-day", "city-deputy-day");
            assertThat(routing.channels().stream().map(Channel::name))
                    .containsExactly("city-dingtalk", "city-wecom", "ops-webhook");
        }
    }

    @Test
    void everyTownIsStaffedForEverySeverityAndShift() {
        for (var town : TownDirectory.standard().all()) {
            for (Severity severity : Severity.values()) {
                for (String time :
                        List.of("2027-01-06T10:00", "2027-01-06T22:00", "2027-01-09T10:00")) {
                    Routing routing =
                            roster.route(AlertLevel.TOWN, town.code(), severity, beijing(time));
                    assertThat(routing.townCode()).isEqualTo(town.code());
                    assertThat(routing.recipients()).isNotEmpty();
                    assertThat(routing.channels()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void anUnacknowledgedAlertIsResentThenEscalatedOnce() {
        AckPolicy critical = new AckPolicy(Severity.CRITICAL, Duration.ofMinutes(5), 2, true);

        assertThat(critical.afterTimeout(1, AlertLevel.TOWN)).isEqualTo(FollowUp.RESEND);
        assertThat(critical.afterTimeout(2, AlertLevel.TOWN)).isEqualTo(FollowUp.RESEND);
        assertThat(critical.afterTimeout(3, AlertLevel.TOWN)).isEqualTo(FollowUp.ESCALATE_TO_CITY);
        assertThat(critical.afterTimeout(4, AlertLevel.TOWN)).isEqualTo(FollowUp.NONE);
        assertThat(critical.afterTimeout(3, AlertLevel.CITY)).isEqualTo(FollowUp.NONE);
        assertThat(
                        new AckPolicy(Severity.WARNING, Duration.ofMinutes(15), 0, false)
                                .afterTimeout(1, AlertLevel.TOWN))
                .isEqualTo(FollowUp.NONE);
    }

    private static List<String> ids(Routing routing) {
        return routing.recipients().stream().map(Person::id).toList();
    }
}
