package org.pingzhi.jobs.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Valid raw input records for live tests, as the upstream systems send them. */
public final class RawInputs {

    private RawInputs() {}

    /** A 110 status record of a level-2 dispute at 当湖派出所. */
    public static byte[] alarm(String alarmId, String status, long statusTime) {
        return ("{\"alarmId\":\""
                        + alarmId
                        + "\",\"status\":\""
                        + status
                        + "\",\"statusTime\":"
                        + statusTime
                        + ",\"alarmType\":\"纠纷\",\"level\":2,\"station\":\"当湖派出所\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A 12345 order created in 当湖街道. */
    public static byte[] order(String orderId, long createdAt) {
        return ("{\"orderId\":\""
                        + orderId
                        + "\",\"action\":\"CREATE\",\"actionTime\":\""
                        + Instant.ofEpochMilli(createdAt)
                        + "\",\"town\":\"当湖街道\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
