package org.pingzhi.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.Severity;
import org.pingzhi.dispatch.channel.AlertTexts;
import org.pingzhi.dispatch.channel.DingTalkRobot;
import org.pingzhi.dispatch.channel.KibanaLinks;
import org.pingzhi.dispatch.channel.MessageComposer;
import org.pingzhi.dispatch.channel.SampleAlerts;
import org.pingzhi.dispatch.delivery.DeliveryResult.Outcome;

class OutboxTest {

    static final long T0 = HttpDeliveryTest.TIMESTAMP;
    static final Pattern ALERT_ID = Pattern.compile("burst:[0-9]+");

    @Test
    void aBurstOfFiftyAlertsInAMinuteIsAtMostTwentyMessagesCoveringAllFifty() throws Exception {
        try (ChannelServer server = new ChannelServer(ChannelServer.ROBOT_OK)) {
            DingTalkRobot robot =
                    new DingTalkRobot(
                            "city-dingtalk",
                            server.uri("/robot/send?access_token=t"),
                            HttpDeliveryTest.SECRET);
            Outbox outbox =
                    new Outbox(
                            RobotRateLimiter.forRobots(),
                            new MessageComposer(new AlertTexts(TownDirectory.standard())),
                            new HttpDelivery(
                                    HttpDelivery.newClient(Duration.ofSeconds(5)),
                                    HttpDeliveryTest.FAST,
                                    HttpDeliveryTest.CLOCK),
                            new KibanaLinks(URI.create("https://kibana.example")));
            List<CompletableFuture<DeliveryResult>> deliveries = new ArrayList<>();
            Set<String> burst = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                AlertNotice notice =
                        SampleAlerts.alert(
                                "burst:" + i,
                                i % 5 == 0 ? Severity.CRITICAL : Severity.WARNING,
                                "x");
                burst.add(notice.alertId());
                long at = T0 + i * 1_000L;
                deliveries.addAll(
                        outbox.submit(
                                robot,
                                new Notification(
                                        notice, SampleAlerts.LINKS, List.of("13800000001")),
                                at));
            }
            assertThat(deliveries).hasSize(19);
            deliveries.addAll(outbox.flushDue(outbox.nextDueAt().getAsLong()));

            for (CompletableFuture<DeliveryResult> delivery : deliveries) {
                assertThat(delivery.get(60, TimeUnit.SECONDS).outcome())
                        .isEqualTo(Outcome.DELIVERED);
            }
            List<ChannelServer.Received> messages = server.received();
            assertThat(messages).hasSize(20);
            Set<String> covered = new HashSet<>();
            for (ChannelServer.Received message : messages) {
                JsonNode json = Json.mapper().readTree(message.body());
                Matcher ids = ALERT_ID.matcher(json.at("/markdown/text").textValue());
                while (ids.find()) {
                    covered.add(ids.group());
                }
            }
            assertThat(covered).isEqualTo(burst);
            // the deliveries are asynchronous: the digest is not always the last to arrive
            List<JsonNode> digests = new ArrayList<>();
            for (ChannelServer.Received message : messages) {
                JsonNode json = Json.mapper().readTree(message.body());
                if (json.at("/markdown/title").textValue().startsWith("【告警汇总】")) {
                    digests.add(json);
                }
            }
            assertThat(digests).hasSize(1);
            JsonNode digest = digests.get(0);
            assertThat(digest.at("/markdown/title").textValue()).isEqualTo("【告警汇总】31 条告警");
            assertThat(digest.at("/at/atMobiles").get(0).textValue()).isEqualTo("13800000001");
        }
    }
}
