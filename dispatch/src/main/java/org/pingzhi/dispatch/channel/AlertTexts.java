package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.AlertStatus;

/**
 * The Chinese markdown a duty officer reads: the alert's title and message (the contract keeps
 * caller data out of both) and its facts, times in Beijing time, then the links. The same text goes
 * to DingTalk, WeCom and a webhook's {@code ${text}}.
 */
public final class AlertTexts {

    /** Incident ids listed in a message; the rest are counted. */
    static final int LISTED_INCIDENTS = 10;

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final TownDirectory towns;

    public AlertTexts(TownDirectory towns) {
        this.towns = towns;
    }

    /** {@code 2026-11-28 10:20:00} for 02:20 UTC. */
    public static String localTime(Instant instant) {
        return LOCAL_TIME.format(instant);
    }

    /** The short title robots show in notifications, e.g. {@code 【严重】当湖街道 事件超时未到场}. */
    public String headline(AlertNotice notice) {
        String headline = "【" + notice.severity().chinese() + "】" + notice.title();
        return notice.status() == AlertStatus.RESOLVED ? headline + "(已解除)" : headline;
    }

    /** The town's name; {@code 全市} for an alert of no town; an unknown code as itself. */
    public String townName(String townCode) {
        if (townCode == null) {
            return "全市";
        }
        return towns.byCode(townCode).map(Town::name).orElse(townCode);
    }

    /** {@link #body} then {@link #footer}. */
    public String markdown(AlertNotice notice, AlertLinks links) {
        return body(notice) + footer(links);
    }

    /** Headline, facts and message: what a length limit may cut. */
    public String body(AlertNotice notice) {
        List<String> lines = new ArrayList<>();
        lines.add("### " + headline(notice));
        lines.add("- 级别:" + notice.level().chinese());
        lines.add("- 严重程度:" + notice.severity().chinese());
        lines.add("- 镇街:" + place(notice.townCode()));
        lines.add("- 触发时间:" + localTime(notice.firedAt()) + "(北京时间)");
        lines.add("- 状态:" + notice.status().chinese());
        if (notice.resolvedAt() != null) {
            lines.add("- 解除时间:" + localTime(notice.resolvedAt()) + "(北京时间)");
        }
        if (!notice.incidentIds().isEmpty()) {
            lines.add("- 关联事件:" + incidents(notice.incidentIds()));
        }
        if (notice.count() != null) {
            lines.add("- 计数:" + notice.count());
        }
        lines.add("- 告警编号:" + notice.alertId());
        lines.add("");
        lines.add(notice.message());
        return String.join("\n", lines) + "\n";
    }

    /** The links, kept whole when a limit cuts the body. */
    public String footer(AlertLinks links) {
        String footer = "\n[在 Kibana 中查看](" + links.kibana() + ")";
        if (links.acknowledge() != null) {
            footer += " | [确认收到](" + links.acknowledge() + ")";
        }
        return footer;
    }

    /**
     * The text of one message standing in for {@code notices} when a robot's rate limit would
     * otherwise drop some: each alert on one line, as many as fit in {@code maxBytes} (UTF-8), the
     * rest counted; the digest's Kibana link ({@link #digestFooter}) shows them all.
     */
    public String digestBody(List<AlertNotice> notices, int maxBytes) {
        StringBuilder body =
                new StringBuilder("### 【告警汇总】" + notices.size() + " 条告警(发送频率受限,合并为一条)\n");
        for (int i = 0; i < notices.size(); i++) {
            String line = digestLine(notices.get(i)) + "\n";
            int rest = notices.size() - i - 1;
            String restLine = rest == 0 ? "" : omitted(rest);
            if (Utf8.length(body.toString()) + Utf8.length(line) + Utf8.length(restLine)
                    > maxBytes) {
                return body.append(omitted(notices.size() - i)).toString();
            }
            body.append(line);
        }
        return body.toString();
    }

    private String digestLine(AlertNotice notice) {
        return "- 【"
                + notice.severity().chinese()
                + "】"
                + notice.title()
                + " · "
                + townName(notice.townCode())
                + " · "
                + localTime(notice.firedAt())
                + " · "
                + notice.status().chinese()
                + " · "
                + notice.alertId();
    }

    private static String omitted(int count) {
        return "- ……另有 " + count + " 条,见下方 Kibana 链接\n";
    }

    /** The digest's one link: Discover showing every alert it covers. */
    public static String digestFooter(URI kibana) {
        return "\n[在 Kibana 中逐条查看并确认](" + kibana + ")";
    }

    private String place(String townCode) {
        return townCode == null ? "全市" : townName(townCode) + "(" + townCode + ")";
    }

    private static String incidents(List<String> ids) {
        if (ids.size() <= LISTED_INCIDENTS) {
            return String.join("、", ids) + "(共 " + ids.size() + " 起)";
        }
        return String.join("、", ids.subList(0, LISTED_INCIDENTS)) + " 等(共 " + ids.size() + " 起)";
    }
}
