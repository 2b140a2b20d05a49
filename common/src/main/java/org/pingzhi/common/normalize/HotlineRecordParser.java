package org.pingzhi.common.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.List;
import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.privacy.PersonalFields;

/** Checks a 12345 JSON record against hotline-12345.schema.json and types it. */
final class HotlineRecordParser implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<String> REQUIRED = List.of("orderId", "action", "actionTime", "town");

    private static final int MAX_CATEGORY = 200;
    private static final int MAX_VILLAGE = 100;
    private static final int MAX_GRID_CODE = 64;
    private static final int MAX_UNIT = 200;

    private final TownDirectory towns;
    private final EventTimeBounds bounds;

    HotlineRecordParser(TownDirectory towns, EventTimeBounds bounds) {
        this.towns = towns;
        this.bounds = bounds;
    }

    /** The typed record, checked in the contract's order of reasons. */
    HotlineRecord parse(ObjectNode json) {
        FieldReader fields = new FieldReader(json);
        fields.requirePresent(REQUIRED);

        String orderId = fields.requiredId("orderId");
        HotlineAction action = fields.requiredEnum("action", HotlineAction.class);
        String actionTime = fields.requiredString("actionTime");
        String townName = fields.requiredString("town");
        String linkedAlarmId = fields.optionalStrictId("linkedAlarmId");

        long eventTime =
                Rfc3339Timestamps.toEpochMillis(actionTime)
                        .orElseThrow(
                                () ->
                                        RecordRejectedException.badTimestamp(
                                                "actionTime",
                                                "is not an RFC 3339 date-time with seconds and an"
                                                        + " offset (Z or ±hh:mm)"));
        bounds.check("actionTime", eventTime);

        Town town =
                towns.byTownName(townName)
                        .orElseThrow(
                                () ->
                                        RecordRejectedException.unknownTown(
                                                "town", "a town name of towns.tsv"));

        return new HotlineRecord(
                orderId,
                action,
                eventTime,
                town,
                linkedAlarmId,
                fields.optionalInt("seq", 0, Integer.MAX_VALUE),
                fields.optionalEnum("channel", HotlineChannel.class),
                fields.optionalText("category", MAX_CATEGORY),
                fields.optionalEnum("urgency", HotlineUrgency.class),
                fields.optionalText("village", MAX_VILLAGE),
                fields.optionalText("gridCode", MAX_GRID_CODE),
                fields.optionalLatitude(),
                fields.optionalLongitude(),
                fields.optionalText("unit", MAX_UNIT),
                new PersonalData(
                        fields.optionalText("callerPhone"),
                        fields.optionalText("callerName"),
                        fields.optionalText("content"),
                        PersonalFields.valuesOf(json)));
    }
}
