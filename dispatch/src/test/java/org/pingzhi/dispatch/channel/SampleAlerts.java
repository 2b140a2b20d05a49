package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.AlertStatus;
import org.pingzhi.dispatch.alert.Severity;

/** Alerts and links for the dispatch tests. */
public final class SampleAlerts {

    public static final AlertLinks LINKS =
            new AlertLinks(
                    URI.create("https://kibana.example/app/discover"),
                    URI.create("https://ack.example/ack?alert=a&who=b&exp=1&sig=s"));

    private SampleAlerts() {}

    public static AlertNotice critical(String alertId) {
        return alert(alertId, Severity.CRITICAL, "事件 INC-1 已 20 分钟无人到场,升级至市指挥中心。");
    }

    public static AlertNotice alert(String alertId, Severity severity, String message) {
        return new AlertNotice(
                alertId,
                "SLA_ESCALATION",
                AlertStatus.OPEN,
                AlertLevel.CITY,
                severity,
                "330482001",
                "【平治110】当湖街道 事件超时未到场",
                message,
                Instant.parse("2026-11-28T02:20:00Z"),
                null,
                List.of("INC-1"),
                1);
    }
}
