package org.pingzhi.dispatch.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingzhi.common.json.Times;
import org.pingzhi.dispatch.alert.AlertNotice;

/** The facts of an alert by placeholder name, for a generic webhook's {@link BodyTemplate}. */
public final class AlertFacts {

    /** Every placeholder a body template may use. */
    public static final List<String> PLACEHOLDERS =
            List.of(
                    "alertId",
                    "kind",
                    "title",
                    "message",
                    "level",
                    "severity",
                    "status",
                    "townCode",
                    "town",
                    "firedAt",
                    "firedAtLocal",
                    "resolvedAt",
                    "count",
                    "incidentIds",
                    "kibanaUrl",
                    "ackUrl",
                    "text");

    private AlertFacts() {}

    /**
     * The placeholders' values: contract codes as they are ({@code CRITICAL}, {@code TOWN}), times
     * in ISO-8601 UTC and ({@code firedAtLocal}) Beijing time, {@code incidentIds} joined by
     * commas, {@code text} the whole Chinese message; an absent fact is the empty string.
     */
    public static Map<String, String> of(AlertNotice notice, AlertLinks links, AlertTexts texts) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("alertId", notice.alertId());
        facts.put("kind", notice.kind());
        facts.put("title", notice.title());
        facts.put("message", notice.message());
        facts.put("level", notice.level().name());
        facts.put("severity", notice.severity().name());
        facts.put("status", notice.status().name());
        facts.put("townCode", orEmpty(notice.townCode()));
        facts.put("town", texts.townName(notice.townCode()));
        facts.put("firedAt", Times.iso(notice.firedAt().toEpochMilli()));
        facts.put("firedAtLocal", AlertTexts.localTime(notice.firedAt()));
        facts.put(
                "resolvedAt",
                notice.resolvedAt() == null ? "" : Times.iso(notice.resolvedAt().toEpochMilli()));
        facts.put("count", notice.count() == null ? "" : notice.count().toString());
        facts.put("incidentIds", String.join(",", notice.incidentIds()));
        facts.put("kibanaUrl", links.kibana().toString());
        facts.put("ackUrl", links.acknowledge() == null ? "" : links.acknowledge().toString());
        facts.put("text", texts.markdown(notice, links));
        return facts;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
