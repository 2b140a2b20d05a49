package org.pingzhi.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pingzhi.dispatch.channel.BodyTemplate;
import org.pingzhi.dispatch.channel.Channel;
import org.pingzhi.dispatch.channel.DingTalkRobot;
import org.pingzhi.dispatch.channel.GenericWebhook;
import org.pingzhi.dispatch.channel.WeComRobot;
import org.pingzhi.dispatch.delivery.Answer.Kind;

class AnswerClassifierTest {

    static final Channel DINGTALK = new DingTalkRobot("d", URI.create("https://d.example"), "SECx");
    static final Channel WECOM = new WeComRobot("w", URI.create("https://w.example"));
    static final Channel WEBHOOK =
            new GenericWebhook("h", URI.create("https://h.example"), BodyTemplate.parse("{}"));

    @Test
    void aRobotsErrcodeDecidesEvenUnderHttp200() {
        assertThat(kind(DINGTALK, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}"))
                .isEqualTo(Kind.DELIVERED);
        assertThat(kind(DINGTALK, 200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}"))
                .isEqualTo(Kind.RATE_LIMITED);
        assertThat(kind(WECOM, 200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"))
                .isEqualTo(Kind.RATE_LIMITED);
        assertThat(kind(WECOM, 200, "{\"errcode\":130101}")).isEqualTo(Kind.PERMANENT);
        assertThat(kind(WECOM, 200, "{\"errcode\":-1,\"errmsg\":\"system busy\"}"))
                .isEqualTo(Kind.RETRY);
        assertThat(kind(WECOM, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))
                .isEqualTo(Kind.PERMANENT);
        assertThat(kind(DINGTALK, 200, "<html>gateway</html>")).isEqualTo(Kind.RETRY);
    }

    @Test
    void httpStatusesOfAnyChannel() {
        assertThat(kind(WEBHOOK, 204, "")).isEqualTo(Kind.DELIVERED);
        assertThat(kind(WEBHOOK, 200, "{\"errcode\":5}")).isEqualTo(Kind.DELIVERED);
        assertThat(kind(WEBHOOK, 429, "")).isEqualTo(Kind.RATE_LIMITED);
        assertThat(kind(WEBHOOK, 408, "")).isEqualTo(Kind.RETRY);
        assertThat(kind(WEBHOOK, 502, "")).isEqualTo(Kind.RETRY);
        assertThat(kind(WEBHOOK, 400, "bad")).isEqualTo(Kind.PERMANENT);
        assertThat(kind(DINGTALK, 403, "")).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void throttlingWaitsAtLeastWhatTheChannelAskedAndTheRateLimitBackoff() {
        RetryPolicy policy =
                new RetryPolicy(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        10);
        Answer asked = AnswerClassifier.classify(WEBHOOK, 429, "", Map.of("retry-after", "120"));

        assertThat(asked.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(120)));
        assertThat(policy.backoff(1, asked)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.backoff(1, Answer.of(Kind.RATE_LIMITED, "")))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(1, Answer.of(Kind.RETRY, ""))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3, Answer.of(Kind.RETRY, ""))).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(40, Answer.of(Kind.RETRY, ""))).isEqualTo(Duration.ofSeconds(30));
    }

    private static Kind kind(Channel channel, int status, String body) {
        return AnswerClassifier.classify(channel, status, body, Map.of()).kind();
    }
}
