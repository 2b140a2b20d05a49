package org.pingzhi.dispatch.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.channel.Channel;
import org.pingzhi.dispatch.channel.DingTalkRobot;
import org.pingzhi.dispatch.channel.GenericWebhook;
import org.pingzhi.dispatch.delivery.Answer.Kind;

/**
 * Classifies a channel's HTTP answer. The robots answer HTTP 200 also when they refuse: their
 * {@code errcode} decides, and anything but 0 is a failure.
 */
public final class AnswerClassifier {

    /** DingTalk: "send too fast, exceed 20 times per minute". */
    public static final int DINGTALK_SEND_TOO_FAST = 130101;

    /** WeCom: "api freq out of limit". */
    public static final int WECOM_FREQUENCY_LIMIT = 45009;

    /** Both robots: "system busy", worth another try. */
    public static final int SYSTEM_BUSY = -1;

    private AnswerClassifier() {}

    /** The answer of {@code channel} with {@code status}, {@code body} and HTTP headers. */
    public static Answer classify(
            Channel channel, int status, String body, Map<String, String> headers) {
        if (status == 429) {
            return new Answer(Kind.RATE_LIMITED, "HTTP 429", retryAfter(headers), null);
        }
        if (status == 408 || status >= 500) {
            return Answer.of(Kind.RETRY, "HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            return Answer.of(Kind.PERMANENT, "HTTP " + status + ": " + excerpt(body));
        }
        if (channel instanceof GenericWebhook) {
            return Answer.of(Kind.DELIVERED, "HTTP " + status);
        }
        return robotAnswer(channel, body);
    }

    private static Answer robotAnswer(Channel channel, String body) {
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(body);
        } catch (IOException e) {
            answer = null;
        }
        JsonNode errcode = answer == null ? null : answer.get("errcode");
        if (errcode == null || !errcode.isIntegralNumber()) {
            // a proxy's page, not the robot's answer: the message may not have arrived
            return Answer.of(Kind.RETRY, "HTTP 200 without an errcode: " + excerpt(body));
        }
        int code = errcode.intValue();
        String detail = "errcode " + code + ": " + answer.path("errmsg").asText("");
        Kind kind;
        boolean dingTalk = channel instanceof DingTalkRobot;
        if (code == 0) {
            kind = Kind.DELIVERED;
        } else if (dingTalk ? code == DINGTALK_SEND_TOO_FAST : code == WECOM_FREQUENCY_LIMIT) {
            kind = Kind.RATE_LIMITED;
        } else {
            kind = code == SYSTEM_BUSY ? Kind.RETRY : Kind.PERMANENT;
        }
        return new Answer(kind, detail, Optional.empty(), code);
    }

    /** Delta seconds only; an HTTP date is ignored (the backoff applies). */
    private static Optional<Duration> retryAfter(Map<String, String> headers) {
        String value = headers.get("retry-after");
        if (value == null || !value.strip().matches("[0-9]{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
