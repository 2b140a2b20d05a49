package org.pingzhi.admin.kibana;

import static org.pingzhi.admin.kibana.LensColumns.count;
import static org.pingzhi.admin.kibana.LensColumns.dateHistogram;
import static org.pingzhi.admin.kibana.LensColumns.extreme;
import static org.pingzhi.admin.kibana.LensColumns.lastValue;
import static org.pingzhi.admin.kibana.LensColumns.percentile;
import static org.pingzhi.admin.kibana.LensColumns.shareOfSums;
import static org.pingzhi.admin.kibana.LensColumns.sum;
import static org.pingzhi.admin.kibana.LensColumns.terms;
import static org.pingzhi.admin.kibana.LensColumns.termsAlphabetical;
import static org.pingzhi.admin.kibana.Visualizations.AMBER;
import static org.pingzhi.admin.kibana.Visualizations.GREEN;
import static org.pingzhi.admin.kibana.Visualizations.GREY;
import static org.pingzhi.admin.kibana.Visualizations.RED;
import static org.pingzhi.admin.kibana.Visualizations.metric;
import static org.pingzhi.admin.kibana.Visualizations.shareMetric;
import static org.pingzhi.admin.kibana.Visualizations.table;
import static org.pingzhi.admin.kibana.Visualizations.xy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command center's four dashboards, with the panels and the fields each reads. */
public final class CommandCenterDashboards {

    public static final String OPEN_INCIDENTS_MAP = "pingzhi-open-incidents-map";

    /** Not resolved, closed or cancelled: what the duty officers still have to handle. */
    static final String OPEN = "not status:(RESOLVED or CLOSED or CANCELLED)";

    /**
     * The warning band: still pending with at most 2 minutes to the deadline, the last 20 % of the
     * default 600 s target (the 80 % WARNING point; with another target the band is approximate).
     */
    static final String WARNING = "slaStatus:PENDING and slaDeadline <= now+2m";

    private static final String DATE = "date";
    private static final String STRING = "string";
    private static final String NUMBER = "number";
    private static final String DESC = "desc";
    private static final String ASC = "asc";
    private static final String UPDATED = "updatedAt";
    private static final String TOWN = "town";
    private static final String COMPLIANCE_BANDS = "绿 ≥95% · 黄 80–95% · 红 <80% · 空 = 无判定";

    private CommandCenterDashboards() {}

    static List<Dashboard> all() {
        return List.of(overview(), slaMonitoring(), alertsAndEscalations(), town());
    }

    static Dashboard overview() {
        return new Dashboard(
                "pingzhi-overview",
                "指挥中心总览",
                "今日全市事件、SLA 达标与预警一览。",
                "now/d",
                "now",
                10,
                overviewPanels("ov"),
                null);
    }

    static Dashboard town() {
        return new Dashboard(
                "pingzhi-town",
                "镇街详情",
                "选择一个镇街（代码见 contracts/towns.tsv），查看与总览相同的指标。",
                "now/d",
                "now",
                10,
                overviewPanels("tw"),
                new Dashboard.Control("tw-town", DataView.INCIDENTS_NOW, "townCode", "镇街（代码）"));
    }

    /** The overview's figures; the town dashboard shows the same ones under its town control. */
    private static List<Panel> overviewPanels(String p) {
        List<Panel> panels = new ArrayList<>();
        panels.add(
                metric(
                        p + "-open",
                        new Grid(0, 0, 8, 6),
                        "当前未结事件",
                        DataView.INCIDENTS_NOW,
                        OPEN,
                        count("open", "未结事件"),
                        null,
                        "未办结、未撤销（不限时间）"));
        panels.add(
                metric(
                        p + "-reported",
                        new Grid(8, 0, 8, 6),
                        "今日报警",
                        DataView.METRICS,
                        "",
                        sum("reported", "报警数", "reported"),
                        null,
                        "110 与 12345 合计"));
        panels.add(
                shareMetric(
                        p + "-compliance",
                        new Grid(16, 0, 8, 6),
                        "今日 SLA 达标率",
                        DataView.METRICS,
                        "",
                        shareOfSums("compliance", "达标率", "slaMet", "slaBreached"),
                        COMPLIANCE_BANDS));
        panels.add(
                metric(
                        p + "-breaches-hour",
                        new Grid(24, 0, 8, 6),
                        "近 1 小时超时",
                        DataView.SLA_EVENTS_NOW,
                        "type:BREACH and at >= now-1h",
                        count("breaches", "超时"),
                        RED,
                        "超时（红）事件数"));
        panels.add(
                xy(
                        p + "-open-alerts",
                        new Grid(32, 0, 16, 12),
                        "未关闭预警（按级别）",
                        "bar_stacked",
                        DataView.ALERTS_NOW,
                        "status:OPEN",
                        termsAlphabetical("level", "级别", "level", 5, false),
                        List.of(count("alerts", "预警数")),
                        termsAlphabetical("severity", "严重程度", "severity", 5, false),
                        null));
        panels.addAll(slaStateTiles(p, 0, 6, 8, DataView.INCIDENTS));
        panels.add(
                xy(
                        p + "-per-minute",
                        new Grid(0, 12, 32, 12),
                        "每分钟报警数（按来源）",
                        "bar_stacked",
                        DataView.METRICS,
                        "",
                        dateHistogram("minute", "分钟", "ts", "1m"),
                        List.of(sum("reported", "报警数", "reported")),
                        termsAlphabetical("source", "来源", "source", 5, false),
                        null));
        panels.add(
                new MapPanel(
                        p + "-map", new Grid(32, 12, 16, 24), "未结事件地图（按镇街）", OPEN_INCIDENTS_MAP));
        panels.add(
                xy(
                        p + "-categories",
                        new Grid(0, 24, 32, 12),
                        "事件类别 Top 10",
                        "bar_horizontal",
                        DataView.METRICS,
                        "",
                        terms("category", "类别", "category", 10, "reported", DESC),
                        List.of(sum("reported", "报警数", "reported")),
                        null,
                        null));
        return panels;
    }

    /**
     * Incidents by SLA state, each in its colour and with its label: green met, amber warning, red
     * breached, grey no decision (pending before the warning band, void).
     */
    private static List<Panel> slaStateTiles(String p, int x, int y, int width, DataView view) {
        return List.of(
                metric(
                        p + "-sla-met",
                        new Grid(x, y, width, 6),
                        "达标（绿）",
                        view,
                        "slaStatus:MET",
                        count("met", "达标"),
                        GREEN,
                        "MET 按时到场"),
                metric(
                        p + "-sla-warning",
                        new Grid(x + width, y, width, 6),
                        "预警（黄）",
                        view,
                        WARNING,
                        count("warning", "预警"),
                        AMBER,
                        "WARNING 距时限 ≤ 2 分钟"),
                metric(
                        p + "-sla-breached",
                        new Grid(x + 2 * width, y, width, 6),
                        "超时（红）",
                        view,
                        "slaStatus:BREACHED",
                        count("breached", "超时"),
                        RED,
                        "BREACHED 超过时限"),
                metric(
                        p + "-sla-none",
                        new Grid(x + 3 * width, y, width, 6),
                        "无数据（灰）",
                        view,
                        "not slaStatus:(MET or BREACHED) and not (" + WARNING + ")",
                        count("none", "无判定"),
                        GREY,
                        "未到预警或已作废 (VOID)"));
    }

    static Dashboard slaMonitoring() {
        List<Panel> panels = new ArrayList<>(slaStateTiles("sla", 0, 0, 12, DataView.INCIDENTS));
        panels.add(
                table(
                        "sla-by-town",
                        new Grid(0, 6, 20, 14),
                        "各镇街 SLA 达标率",
                        DataView.METRICS,
                        "",
                        List.of(
                                termsAlphabetical(TOWN, "镇街", TOWN, 20, false),
                                shareOfSums("compliance", "达标率", "slaMet", "slaBreached"),
                                sum("met", "达标", "slaMet"),
                                sum("breached", "超时", "slaBreached")),
                        "compliance",
                        ASC,
                        "compliance"));
        panels.add(
                xy(
                        "sla-percentiles",
                        new Grid(20, 6, 28, 14),
                        "响应时长分位数（秒）",
                        "line",
                        DataView.INCIDENTS,
                        "responseSeconds:*",
                        dateHistogram("time", "报警时间", "reportedAt", "auto"),
                        List.of(
                                percentile("p50", "P50", "responseSeconds", 50),
                                percentile("p90", "P90", "responseSeconds", 90),
                                percentile("p95", "P95", "responseSeconds", 95)),
                        null,
                        600.0));
        panels.add(
                table(
                        "sla-nearing",
                        new Grid(0, 20, 24, 16),
                        "临近时限事件（按时限排序）",
                        DataView.INCIDENTS_NOW,
                        "slaStatus:PENDING",
                        List.of(
                                terms("incident", "事件", "incidentId", 50, "deadline", ASC),
                                extreme("deadline", "时限", "min", "slaDeadline", DATE),
                                lastValue(TOWN, "镇街", TOWN, STRING, UPDATED),
                                lastValue("category", "类别", "category", STRING, UPDATED),
                                lastValue("priority", "优先级", "priority", STRING, UPDATED),
                                lastValue("status", "状态", "status", STRING, UPDATED)),
                        "deadline",
                        ASC,
                        null));
        panels.add(
                table(
                        "sla-breached",
                        new Grid(24, 20, 24, 16),
                        "超时事件及升级级别",
                        DataView.INCIDENTS,
                        "slaStatus:BREACHED",
                        List.of(
                                terms("incident", "事件", "incidentId", 100, "deadline", DESC),
                                extreme("deadline", "时限", "max", "slaDeadline", DATE),
                                lastValue(TOWN, "镇街", TOWN, STRING, UPDATED),
                                lastValue("level", "升级级别", "escalationLevel", STRING, UPDATED),
                                lastValue("status", "状态", "status", STRING, UPDATED),
                                extreme("response", "响应时长（秒）", "max", "responseSeconds", NUMBER)),
                        "deadline",
                        DESC,
                        null));
        return new Dashboard(
                "pingzhi-sla",
                "SLA 监控",
                "近 24 小时各镇街 SLA 达标、响应时长分位数、临近时限与超时事件。",
                "now-24h",
                "now",
                30,
                panels,
                null);
    }

    static Dashboard alertsAndEscalations() {
        List<Panel> panels = new ArrayList<>();
        panels.add(
                alertsOverTime(
                        "al-by-rule",
                        new Grid(0, 0, 24, 12),
                        "预警趋势（按规则，空 = SLA 升级）",
                        termsAlphabetical("rule", "规则", "ruleId", 20, true)));
        panels.add(
                alertsOverTime(
                        "al-by-level",
                        new Grid(24, 0, 24, 12),
                        "预警趋势（按级别）",
                        termsAlphabetical("level", "级别", "level", 5, false)));
        panels.add(
                table(
                        "al-open",
                        new Grid(0, 12, 32, 14),
                        "未关闭预警",
                        DataView.ALERTS_NOW,
                        "status:OPEN",
                        List.of(
                                terms("alert", "预警", "alertId", 100, "fired", DESC),
                                extreme("fired", "触发时间", "max", "firedAt", DATE),
                                lastValue("title", "标题", "title.keyword", STRING, "firedAt"),
                                lastValue("level", "级别", "level", STRING, "firedAt"),
                                lastValue("severity", "严重程度", "severity", STRING, "firedAt"),
                                lastValue("town", "镇街代码", "townCode", STRING, "firedAt")),
                        "fired",
                        DESC,
                        null));
        panels.add(
                xy(
                        "al-escalated-by-rule",
                        new Grid(32, 12, 16, 14),
                        "规则升级的事件数（按规则）",
                        "bar_stacked",
                        DataView.INCIDENTS,
                        "ruleLevel:(TOWN or CITY)",
                        terms("rule", "规则", "escalationRules", 20, "incidents", DESC),
                        List.of(count("incidents", "事件数")),
                        termsAlphabetical("level", "规则级别", "ruleLevel", 3, false),
                        null));
        panels.add(
                table(
                        "al-escalated",
                        new Grid(0, 26, 24, 14),
                        "规则升级的事件",
                        DataView.INCIDENTS,
                        "ruleLevel:(TOWN or CITY)",
                        List.of(
                                terms("incident", "事件", "incidentId", 100, "reported", DESC),
                                extreme("reported", "报警时间", "max", "reportedAt", DATE),
                                lastValue("level", "规则级别", "ruleLevel", STRING, UPDATED),
                                lastValue("rules", "规则", "escalationRules", STRING, UPDATED),
                                lastValue(TOWN, "镇街", TOWN, STRING, UPDATED),
                                lastValue("sla", "SLA 升级级别", "escalationLevel", STRING, UPDATED)),
                        "reported",
                        DESC,
                        null));
        String since = "inForceFrom";
        panels.add(
                table(
                        "al-rules",
                        new Grid(24, 26, 24, 14),
                        "在用规则",
                        DataView.RULES,
                        "not replacedAt:*",
                        List.of(
                                termsAlphabetical("rule", "规则", "ruleId", 100, false),
                                lastValue("version", "版本", "version", STRING, since),
                                lastValue("kind", "类型", "kind", STRING, since),
                                lastValue("severity", "严重程度", "severity", STRING, since),
                                lastValue("level", "级别", "level", STRING, since),
                                extreme("since", "生效时间", "max", since, DATE)),
                        "rule",
                        ASC,
                        null));
        panels.add(
                xy(
                        "al-notifications",
                        new Grid(0, 40, 32, 10),
                        "通知投递结果",
                        "bar_stacked",
                        DataView.NOTIFICATIONS,
                        "",
                        dateHistogram("time", "投递时间", "attemptedAt", "auto"),
                        List.of(count("attempts", "投递次数")),
                        termsAlphabetical("outcome", "结果", "outcome", 10, false),
                        null));
        panels.add(
                metric(
                        "al-acks",
                        new Grid(32, 40, 16, 10),
                        "预警确认",
                        DataView.ACKS,
                        "",
                        count("acks", "确认次数"),
                        null,
                        "值班人员确认的预警"));
        return new Dashboard(
                "pingzhi-alerts-escalations",
                "预警与升级",
                "近 24 小时的预警（SLA 升级与规则）、规则升级的事件、在用规则与通知投递。",
                "now-24h",
                "now",
                15,
                panels,
                null);
    }

    private static Panel alertsOverTime(
            String panelIndex, Grid grid, String title, Map<String, ObjectNode> split) {
        return xy(
                panelIndex,
                grid,
                title,
                "bar_stacked",
                DataView.ALERTS,
                "",
                dateHistogram("time", "触发时间", "firedAt", "auto"),
                List.of(count("alerts", "预警数")),
                split,
                null);
    }
}
