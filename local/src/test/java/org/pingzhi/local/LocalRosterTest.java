package org.pingzhi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.Severity;
import org.pingzhi.dispatch.channel.GenericWebhook;
import org.pingzhi.dispatch.roster.DutyRoster;
import org.pingzhi.dispatch.roster.RosterFile;
import org.pingzhi.dispatch.roster.Routing;

class LocalRosterTest {

    private static final TownDirectory TOWNS = TownDirectory.standard();
    private static final Instant NIGHT = Instant.parse("2026-12-01T16:00:00Z");

    private final DutyRoster roster =
            RosterFile.parse(
                    "local",
                    LocalRoster.json(TOWNS, path -> "http://127.0.0.1:8999" + path),
                    TOWNS);

    @Test
    void everyTownsAlertOfEverySeverityGoesToItsOwnWebhookOfTheSink() {
        for (Town town : TOWNS.all()) {
            for (Severity severity : Severity.values()) {
                Routing routing = roster.route(AlertLevel.TOWN, town.code(), severity, NIGHT);

                assertThat(routing.level()).isEqualTo(AlertLevel.TOWN);
                assertThat(routing.channels())
                        .singleElement()
                        .isInstanceOfSatisfying(
                                GenericWebhook.class,
                                webhook ->
                                        assertThat(webhook.url())
                                                .hasToString(
                                                        "http://127.0.0.1:8999/town/"
                                                                + town.code()));
            }
        }
    }

    @Test
    void theCityHasItsOwnAndCriticalAlertsWaitForAnAcknowledgement() {
        Routing routing = roster.route(AlertLevel.CITY, null, Severity.CRITICAL, NIGHT);

        assertThat(routing.channels())
                .singleElement()
                .isInstanceOfSatisfying(
                        GenericWebhook.class,
                        webhook ->
                                assertThat(webhook.url())
                                        .hasToString("http://127.0.0.1:8999/city"));
        assertThat(routing.policy()).isPresent();
    }
}
