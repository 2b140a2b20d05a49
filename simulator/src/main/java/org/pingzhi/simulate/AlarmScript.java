package org.pingzhi.simulate;

import java.util.List;
import org.pingzhi.common.model.Source;

/** Writes the records of one 110 alarm, in the 110 platform's format. */
final class AlarmScript {

    private final String alarmId;
    private final Town town;
    private final List<PlannedRecord> out;

    AlarmScript(String alarmId, Town town, List<PlannedRecord> out) {
        this.alarmId = alarmId;
        this.town = town;
        this.out = out;
    }

    String alarmId() {
        return alarmId;
    }

    /** 接警: the report record, with the alarm's type, level, place, reporter and summary. */
    void received(
            long at, String alarmType, int level, Scene scene, boolean located, String summary) {
        RecordFields fields =
                header("RECEIVED", at)
                        .put("alarmType", alarmType)
                        .put("level", level)
                        .put("station", town.station());
        scene.putPositionAndCaller(fields, located, UpstreamFormat.POLICE);
        fields.put("summary", summary);
        emit(at, fields);
    }

    /** A later status; {@code officer} (may be null) on DISPATCHED and ARRIVED. */
    void status(String status, long at, String officer) {
        emit(at, header(status, at).put("station", town.station()).put("officer", officer));
    }

    private RecordFields header(String status, long at) {
        return new RecordFields()
                .put("alarmId", alarmId)
                .put("status", status)
                .put("statusTime", at);
    }

    private void emit(long at, RecordFields fields) {
        out.add(new PlannedRecord(Source.POLICE_110, alarmId, at, fields));
    }
}
