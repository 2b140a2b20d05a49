package org.pingzhi.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.dispatch.channel.AlertTexts;
import org.pingzhi.dispatch.channel.BodyTemplate;
import org.pingzhi.dispatch.channel.Channel;
import org.pingzhi.dispatch.channel.DingTalkRobot;
import org.pingzhi.dispatch.channel.GenericWebhook;
import org.pingzhi.dispatch.channel.MessageComposer;
import org.pingzhi.dispatch.channel.OutboundMessage;
import org.pingzhi.dispatch.channel.SampleAlerts;
import org.pingzhi.dispatch.channel.WeComRobot;
import org.pingzhi.dispatch.delivery.Answer.Kind;
import org.pingzhi.dispatch.delivery.ChannelServer.Reply;
import org.pingzhi.dispatch.delivery.DeliveryResult.Outcome;

class HttpDeliveryTest {

    /** The signing vector of DingTalkSignerTest, computed outside Java. */
    static final String SECRET =
            "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

    static final long TIMESTAMP = 1764295200002L;
    static final String SIGN_URL_ENCODED = "uwfvJmq4tSxXvK2x4onebeJOtFwA%2B7e%2FcErMB19KCjM%3D";

    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(TIMESTAMP), ZoneOffset.UTC);
    static final RetryPolicy FAST =
            new RetryPolicy(
                    Duration.ofSeconds(20),
                    Duration.ofMillis(10),
                    Duration.ofMillis(50),
                    Duration.ofMillis(30),
                    4);

    final MessageComposer composer = new MessageComposer(new AlertTexts(TownDirectory.standard()));

    @Test
    void aDingTalkMessageArrivesSignedWithItsExactPayload() throws Exception {
        try (ChannelServer robot = new ChannelServer(ChannelServer.ROBOT_OK)) {
            OutboundMessage message = dingTalkMessage(robot);

            DeliveryResult result = deliver(FAST, message);

            assertThat(result).isEqualTo(new DeliveryResult(Outcome.DELIVERED, 1, "errcode 0: ok"));
            assertThat(robot.received())
                    .containsExactly(
                            new ChannelServer.Received(
                                    "/robot/send",
                                    "access_token=t0ken&timestamp="
                                            + TIMESTAMP
                                            + "&sign="
                                            + SIGN_URL_ENCODED,
                                    "application/json; charset=utf-8",
                                    message.body()));
        }
    }

    @Test
    void aServerErrorIsRetriedAndTheMessageDeliveredOnce() throws Exception {
        try (ChannelServer robot =
                new ChannelServer(new Reply(500, "oops", null), ChannelServer.ROBOT_OK)) {
            OutboundMessage message = dingTalkMessage(robot);
            List<HttpAttempt> attempts = new CopyOnWriteArrayList<>();

            DeliveryResult result =
                    new HttpDelivery(HttpDelivery.newClient(Duration.ofSeconds(5)), FAST, CLOCK)
                            .deliver(message, attempts::add)
                            .get(60, TimeUnit.SECONDS);

            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(robot.received())
                    .extracting(ChannelServer.Received::body)
                    .containsExactly(message.body(), message.body());
            assertThat(attempts)
                    .extracting(HttpAttempt::number, HttpAttempt::httpStatus, HttpAttempt::retryIn)
                    .containsExactly(tuple(1, 500, Duration.ofMillis(10)), tuple(2, 200, null));
            assertThat(attempts)
                    .extracting(a -> a.answer().kind(), a -> a.answer().errcode())
                    .containsExactly(tuple(Kind.RETRY, null), tuple(Kind.DELIVERED, 0));
            assertThat(attempts).allSatisfy(a -> assertThat(a.startedAt()).isEqualTo(TIMESTAMP));
        }
    }

    @Test
    void eachAttemptOfAThrottledDeliveryIsToldWithTheWaitAsked() throws Exception {
        try (ChannelServer webhook =
                new ChannelServer(new Reply(429, "slow down", "0"), new Reply(204, "", null))) {
            GenericWebhook hook =
                    new GenericWebhook(
                            "h", webhook.uri("/hook"), BodyTemplate.parse("{\"t\":\"${title}\"}"));
            List<HttpAttempt> attempts = new CopyOnWriteArrayList<>();

            new HttpDelivery(HttpDelivery.newClient(Duration.ofSeconds(5)), FAST, CLOCK)
                    .deliver(
                            composer.alert(
                                    hook,
                                    SampleAlerts.critical("a"),
                                    SampleAlerts.LINKS,
                                    List.of()),
                            attempts::add)
                    .get(60, TimeUnit.SECONDS);

            assertThat(attempts)
                    .extracting(
                            HttpAttempt::httpStatus,
                            a -> a.answer().kind(),
                            a -> a.answer().retryAfter(),
                            HttpAttempt::retryIn)
                    .containsExactly(
                            tuple(
                                    429,
                                    Kind.RATE_LIMITED,
                                    Optional.of(Duration.ZERO),
                                    FAST.rateLimitBackoff()),
                            tuple(204, Kind.DELIVERED, Optional.empty(), null));
        }
    }

    @Test
    void anAttemptWithoutAnswerTimesOutAndIsRetried() throws Exception {
        RetryPolicy shortTimeout =
                new RetryPolicy(
                        Duration.ofMillis(500),
                        Duration.ofMillis(10),
                        Duration.ofMillis(50),
                        Duration.ofMillis(30),
                        4);
        try (ChannelServer robot = new ChannelServer(ChannelServer.HANG, ChannelServer.ROBOT_OK)) {
            DeliveryResult result = deliver(shortTimeout, dingTalkMessage(robot));

            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(robot.received()).hasSize(2);
        }
    }

    @Test
    void theRobotsRateLimitAnswersAreRetriedLaterAndNothingIsLost() throws Exception {
        try (ChannelServer dingTalk =
                        new ChannelServer(
                                Reply.ok(
                                        "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20"
                                                + " times per minute\"}"),
                                ChannelServer.ROBOT_OK);
                ChannelServer weCom =
                        new ChannelServer(
                                Reply.ok(
                                        "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"),
                                ChannelServer.ROBOT_OK);
                ChannelServer webhook =
                        new ChannelServer(
                                new Reply(429, "slow down", "0"), new Reply(204, "", null))) {
            List<Channel> channels =
                    List.of(
                            new DingTalkRobot(
                                    "d", dingTalk.uri("/robot/send?access_token=t0ken"), SECRET),
                            new WeComRobot("w", weCom.uri("/cgi-bin/webhook/send?key=k")),
                            new GenericWebhook(
                                    "h",
                                    webhook.uri("/hook"),
                                    BodyTemplate.parse("{\"t\":\"${title}\"}")));
            for (Channel channel : channels) {
                OutboundMessage message =
                        composer.alert(
                                channel,
                                SampleAlerts.critical("sla:INC-1:CITY"),
                                SampleAlerts.LINKS,
                                List.of());

                DeliveryResult result = deliver(FAST, message);

                assertThat(result.outcome()).as(channel.name()).isEqualTo(Outcome.DELIVERED);
                assertThat(result.attempts()).as(channel.name()).isEqualTo(2);
            }
            for (ChannelServer server : List.of(dingTalk, weCom, webhook)) {
                List<ChannelServer.Received> got = server.received();
                assertThat(got).hasSize(2);
                assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
            }
        }
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        try (ChannelServer robot =
                new ChannelServer(Reply.ok("{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))) {
            DeliveryResult result = deliver(FAST, dingTalkMessage(robot));

            assertThat(result)
                    .isEqualTo(
                            new DeliveryResult(
                                    Outcome.REFUSED, 1, "errcode 310000: sign not match"));
            assertThat(robot.received()).hasSize(1);
        }
        try (ChannelServer webhook = new ChannelServer(new Reply(404, "no such hook", null))) {
            GenericWebhook hook =
                    new GenericWebhook(
                            "h", webhook.uri("/hook"), BodyTemplate.parse("{\"t\":\"${title}\"}"));
            DeliveryResult result =
                    deliver(
                            FAST,
                            composer.alert(
                                    hook,
                                    SampleAlerts.critical("a"),
                                    SampleAlerts.LINKS,
                                    List.of()));

            assertThat(result)
                    .isEqualTo(new DeliveryResult(Outcome.REFUSED, 1, "HTTP 404: no such hook"));
        }
    }

    @Test
    void retryableFailuresAreGivenUpAfterTheLastAttempt() throws Exception {
        try (ChannelServer robot = new ChannelServer(new Reply(503, "busy", null))) {
            DeliveryResult result = deliver(FAST, dingTalkMessage(robot));

            assertThat(result).isEqualTo(new DeliveryResult(Outcome.GAVE_UP, 4, "HTTP 503"));
            assertThat(robot.received()).hasSize(4);
        }
    }

    private OutboundMessage dingTalkMessage(ChannelServer robot) {
        DingTalkRobot channel =
                new DingTalkRobot(
                        "city-dingtalk", robot.uri("/robot/send?access_token=t0ken"), SECRET);
        return composer.alert(
                channel,
                SampleAlerts.critical("sla:INC-1:CITY"),
                SampleAlerts.LINKS,
                List.of("13800000001"));
    }

    private static DeliveryResult deliver(RetryPolicy policy, OutboundMessage message)
            throws Exception {
        HttpDelivery delivery =
                new HttpDelivery(HttpDelivery.newClient(Duration.ofSeconds(5)), policy, CLOCK);
        return delivery.deliver(message).get(60, TimeUnit.SECONDS);
    }
}
