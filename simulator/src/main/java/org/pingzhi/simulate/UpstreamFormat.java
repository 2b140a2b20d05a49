package org.pingzhi.simulate;

import java.util.List;
import org.pingzhi.common.model.Source;

/**
 * The names of the fields each upstream format has in common, by role.
 *
 * @param id the record's id, also the Kafka key
 * @param lifecycle the action (12345) or status (110)
 * @param time the event time
 * @param place the town (12345) or police station (110)
 * @param text the free text
 * @param callerPhone the caller's phone number
 * @param callerName the caller's name
 */
record UpstreamFormat(
        String id,
        String lifecycle,
        String time,
        String place,
        String text,
        String callerPhone,
        String callerName) {

    static final UpstreamFormat HOTLINE =
            new UpstreamFormat(
                    "orderId",
                    "action",
                    "actionTime",
                    "town",
                    "content",
                    "callerPhone",
                    "callerName");
    static final UpstreamFormat POLICE =
            new UpstreamFormat(
                    "alarmId",
                    "status",
                    "statusTime",
                    "station",
                    "summary",
                    "reporterPhone",
                    "reporterName");

    static UpstreamFormat of(Source source) {
        return source == Source.HOTLINE_12345 ? HOTLINE : POLICE;
    }

    /** The fields the schema requires. */
    List<String> required() {
        return List.of(id, lifecycle, time, place);
    }
}
