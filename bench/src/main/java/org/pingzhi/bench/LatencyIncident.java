package org.pingzhi.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.Source;

/**
 * One 12345 order the alert-latency benchmark reports at {@code reportedAt} and leaves unanswered,
 * so that its incident escalates to TOWN at {@code deadline}.
 */
record LatencyIncident(String orderId, Instant reportedAt, Instant deadline, String town) {

    private static final DateTimeFormatter PINGHU_TIME =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.ofHours(8));

    String incidentId() {
        return Source.HOTLINE_12345.incidentId(orderId);
    }

    /** The order's CREATE record, as the hotline sends it. */
    String createRecord() {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("orderId", orderId);
        record.put("seq", 1);
        record.put("action", "CREATE");
        record.put("actionTime", PINGHU_TIME.format(reportedAt));
        record.put("channel", "PHONE");
        record.put("category", "城乡建设/市容环境/占道经营");
        record.put("urgency", "NORMAL");
        record.put("town", town);
        record.put("content", "告警时延基准");
        return record.toString();
    }

    /**
     * {@code count} orders reported evenly over {@code spread} from {@code start}, each escalating
     * {@code target} after its report, the towns taken in turn.
     */
    static List<LatencyIncident> plan(
            int count, Instant start, Duration spread, Duration target, List<String> towns) {
        List<LatencyIncident> incidents = new ArrayList<>(count);
        long runId = start.getEpochSecond();
        for (int i = 0; i < count; i++) {
            Instant reportedAt = start.plusMillis(spread.toMillis() * i / count);
            incidents.add(
                    new LatencyIncident(
                            "LAT" + runId + "-" + i,
                            reportedAt,
                            reportedAt.plus(target),
                            towns.get(i % towns.size())));
        }
        return List.copyOf(incidents);
    }
}
