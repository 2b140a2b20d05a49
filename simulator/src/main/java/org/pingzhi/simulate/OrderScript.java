package org.pingzhi.simulate;

import java.time.Instant;
import java.util.List;
import org.pingzhi.common.model.Source;

/**
 * Writes the records of one 12345 work order, in the hotline platform's format: a per-order {@code
 * seq}, and for an order handed over from 110 its {@code linkedAlarmId} on every record.
 */
final class OrderScript {

    /**
     * What only the report record (CREATE) carries.
     *
     * @param channel how the order came in
     * @param category the category path
     * @param urgency NORMAL/URGENT/EMERGENCY, or null to leave it to the schema's default
     * @param located whether the caller's position is known
     * @param gridCode the grid (网格) it fell in, or null
     * @param withVillage whether the village is filled in
     * @param content the caller's words
     */
    record Report(
            String channel,
            String category,
            String urgency,
            boolean located,
            String gridCode,
            boolean withVillage,
            String content) {}

    private final String orderId;
    private final String linkedAlarmId;
    private final Town town;
    private final List<PlannedRecord> out;
    private int seq;

    OrderScript(String orderId, String linkedAlarmId, Town town, List<PlannedRecord> out) {
        this.orderId = orderId;
        this.linkedAlarmId = linkedAlarmId;
        this.town = town;
        this.out = out;
    }

    /** 受理创建: the report record. */
    void create(long at, Report report, Scene scene) {
        RecordFields fields =
                header("CREATE", at)
                        .put("channel", report.channel())
                        .put("category", report.category())
                        .put("urgency", report.urgency())
                        .put("town", town.name());
        if (report.withVillage()) {
            fields.put("village", scene.village());
        }
        fields.put("gridCode", report.gridCode());
        scene.putPositionAndCaller(fields, report.located(), UpstreamFormat.HOTLINE);
        fields.put("content", report.content());
        emit(at, fields);
    }

    /** A later action; {@code unit} (may be null) on ASSIGN, SIGN, ARRIVE and REPLY. */
    void step(String action, long at, String unit) {
        emit(at, header(action, at).put("town", town.name()).put("unit", unit));
    }

    private RecordFields header(String action, long at) {
        return new RecordFields()
                .put("orderId", orderId)
                .put("linkedAlarmId", linkedAlarmId)
                .put("seq", ++seq)
                .put("action", action)
                .put("actionTime", PinghuTime.ACTION_TIME.format(Instant.ofEpochMilli(at)));
    }

    private void emit(long at, RecordFields fields) {
        out.add(new PlannedRecord(Source.HOTLINE_12345, orderId, at, fields));
    }
}
