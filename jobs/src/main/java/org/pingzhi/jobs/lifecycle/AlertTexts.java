package org.pingzhi.jobs.lifecycle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.pingzhi.common.directory.Category;
import org.pingzhi.common.directory.CategoryDirectory;
import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaTimeline;

/**
 * The Chinese title and message of an SLA escalation alert, ready to send to a duty officer. They
 * name the incident, its category, priority and town, the report time in local (Beijing) time and
 * the minutes elapsed — never anything about the caller.
 */
final class AlertTexts {

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private AlertTexts() {}

    static String title(IncidentState state, EscalationLevel level) {
        String title = "【平治110】" + state.report().town() + " 事件超时未到场";
        return level == EscalationLevel.CITY ? title + "(已升级市指挥中心)" : title;
    }

    static String message(
            IncidentState state, SlaTimeline timeline, EscalationLevel level, long at) {
        String escalation =
                level == EscalationLevel.CITY
                        ? "已达响应时限两倍,升级至市指挥中心,请立即协调处置。"
                        : "已超过 "
                                + minutes(timeline.targetMillis())
                                + " 分钟响应时限,升级至"
                                + state.report().town()
                                + "值班员,请立即督办。";
        return "事件 "
                + state.incidentId()
                + "("
                + categoryName(state.report().category())
                + ","
                + state.report().priority()
                + ")于 "
                + LOCAL_TIME.format(Instant.ofEpochMilli(timeline.reportedAt()))
                + " 在"
                + state.report().town()
                + "接报,已 "
                + minutes(at - timeline.reportedAt())
                + " 分钟无人到场。"
                + escalation;
    }

    /** Whole minutes as "10", others with one decimal as "7.5". */
    static String minutes(long millis) {
        return millis % 60_000 == 0
                ? Long.toString(millis / 60_000)
                : String.format(Locale.ROOT, "%.1f", millis / 60_000.0);
    }

    /** The Chinese name of a category code; an unknown code is shown as itself. */
    private static String categoryName(String code) {
        return CategoryDirectory.standard().byCode(code).map(Category::name).orElse(code);
    }
}
