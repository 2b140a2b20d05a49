package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.Severity;

/**
 * The message of an alert (or a digest of alerts) in each channel's format: DingTalk's and WeCom's
 * markdown messages, a generic webhook's template. Duty officers' mobiles go into DingTalk's {@code
 * at.atMobiles} and the {@code @mobile} DingTalk requires in the text, for CRITICAL alerts only,
 * and nowhere else.
 */
public final class MessageComposer {

    /** WeCom's limit of a markdown message's content, in UTF-8 bytes. */
    public static final int WECOM_MARKDOWN_MAX_BYTES = 4096;

    private static final String CUT_MARK = "\n……(内容过长,已截断)\n";

    private final AlertTexts texts;

    public MessageComposer(AlertTexts texts) {
        this.texts = texts;
    }

    /**
     * The message about {@code notice} to {@code channel}.
     *
     * @param mobiles the mobiles of the duty officers the alert is for, @-mentioned in DingTalk
     *     when the alert is CRITICAL
     */
    public OutboundMessage alert(
            Channel channel, AlertNotice notice, AlertLinks links, List<String> mobiles) {
        if (channel instanceof DingTalkRobot) {
            return new OutboundMessage(
                    channel,
                    dingTalkMarkdown(
                            texts.headline(notice),
                            texts.markdown(notice, links),
                            notice.severity() == Severity.CRITICAL ? mobiles : List.of()));
        }
        if (channel instanceof WeComRobot) {
            return new OutboundMessage(
                    channel, weComMarkdown(texts.body(notice), texts.footer(links)));
        }
        GenericWebhook webhook = (GenericWebhook) channel;
        return new OutboundMessage(
                channel, webhook.bodyTemplate().render(AlertFacts.of(notice, links, texts)));
    }

    /**
     * The one message to a robot standing in for {@code notices} that its rate limit holds back.
     *
     * @param kibana Discover showing all of them
     * @param mobiles @-mentioned in DingTalk when any of them is CRITICAL
     */
    public OutboundMessage digest(
            Channel channel, List<AlertNotice> notices, URI kibana, List<String> mobiles) {
        String footer = AlertTexts.digestFooter(kibana);
        if (channel instanceof DingTalkRobot) {
            boolean critical =
                    notices.stream().anyMatch(notice -> notice.severity() == Severity.CRITICAL);
            return new OutboundMessage(
                    channel,
                    dingTalkMarkdown(
                            "【告警汇总】" + notices.size() + " 条告警",
                            texts.digestBody(notices, Integer.MAX_VALUE) + footer,
                            critical ? mobiles : List.of()));
        }
        if (channel instanceof WeComRobot) {
            String body = texts.digestBody(notices, WECOM_MARKDOWN_MAX_BYTES - Utf8.length(footer));
            return new OutboundMessage(channel, weComMarkdown(body, footer));
        }
        throw new IllegalArgumentException(
                channel + " has no rate limit, so its alerts are never digested");
    }

    private static String dingTalkMarkdown(String title, String text, List<String> mobiles) {
        Map<String, Object> markdown = new LinkedHashMap<>();
        markdown.put("title", title);
        StringBuilder mentioned = new StringBuilder(text);
        if (!mobiles.isEmpty()) {
            // DingTalk notifies an @-mentioned member only when the text names the mobile too.
            mentioned.append("\n");
            mobiles.forEach(mobile -> mentioned.append(" @").append(mobile));
        }
        markdown.put("text", mentioned.toString());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgtype", "markdown");
        message.put("markdown", markdown);
        if (!mobiles.isEmpty()) {
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("atMobiles", mobiles);
            at.put("isAtAll", false);
            message.put("at", at);
        }
        return Json.toString(message);
    }

    /** Within WeCom's byte limit: the body is cut at a character boundary, the links are kept. */
    static String weComMarkdown(String body, String footer) {
        String content = body + footer;
        if (Utf8.length(content) > WECOM_MARKDOWN_MAX_BYTES) {
            int room = WECOM_MARKDOWN_MAX_BYTES - Utf8.length(footer) - Utf8.length(CUT_MARK);
            content = Utf8.cut(body, Math.max(room, 0)) + CUT_MARK + footer;
            content = Utf8.cut(content, WECOM_MARKDOWN_MAX_BYTES);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgtype", "markdown");
        message.put("markdown", Map.of("content", content));
        return Json.toString(message);
    }
}
