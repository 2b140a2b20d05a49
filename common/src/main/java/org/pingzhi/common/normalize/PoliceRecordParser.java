package org.pingzhi.common.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.List;
import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.privacy.PersonalFields;

/** Checks a 110 JSON record against police-110.schema.json and types it. */
final class PoliceRecordParser implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<String> REQUIRED =
            List.of("alarmId", "status", "statusTime", "station");

    private static final int MAX_ALARM_TYPE = 100;
    private static final int MAX_OFFICER = 100;
    private static final int MOST_URGENT_LEVEL = 1;
    private static final int LEAST_URGENT_LEVEL = 3;

    private static final BigInteger MAX_EPOCH_MILLIS = BigInteger.valueOf(Long.MAX_VALUE);

    private final TownDirectory towns;
    private final EventTimeBounds bounds;

    PoliceRecordParser(TownDirectory towns, EventTimeBounds bounds) {
        this.towns = towns;
        this.bounds = bounds;
    }

    /** The typed record, checked in the contract's order of reasons. */
    PoliceRecord parse(ObjectNode json) {
        FieldReader fields = new FieldReader(json);
        fields.requirePresent(REQUIRED);

        String alarmId = fields.requiredId("alarmId");
        PoliceStatus status = fields.requiredEnum("status", PoliceStatus.class);
        BigInteger statusTime = fields.requiredInteger("statusTime");
        String station = fields.requiredString("station");

        long eventTime = epochMillis(statusTime);
        bounds.check("statusTime", eventTime);

        Town town =
                towns.byStation(station)
                        .orElseThrow(
                                () ->
                                        RecordRejectedException.unknownTown(
                                                "station", "a police station of towns.tsv"));

        return new PoliceRecord(
                alarmId,
                status,
                eventTime,
                town,
                fields.optionalText("alarmType", MAX_ALARM_TYPE),
                fields.optionalInt("level", MOST_URGENT_LEVEL, LEAST_URGENT_LEVEL),
                fields.optionalLatitude(),
                fields.optionalLongitude(),
                fields.optionalText("officer", MAX_OFFICER),
                new PersonalData(
                        fields.optionalText("reporterPhone"),
                        fields.optionalText("reporterName"),
                        fields.optionalText("summary"),
                        PersonalFields.valuesOf(json)));
    }

    private static long epochMillis(BigInteger statusTime) {
        if (statusTime.signum() < 0) {
            throw RecordRejectedException.badTimestamp("statusTime", "is negative");
        }
        if (statusTime.compareTo(MAX_EPOCH_MILLIS) > 0) {
            throw RecordRejectedException.badTimestamp(
                    "statusTime", "is beyond the range of epoch milliseconds");
        }
        return statusTime.longValueExact();
    }
}
