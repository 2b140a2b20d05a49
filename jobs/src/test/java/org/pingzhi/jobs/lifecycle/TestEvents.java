package org.pingzhi.jobs.lifecycle;

import java.time.Instant;
import java.util.Map;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.model.UnifiedStatus;

/**
 * Builds {@link UnifiedEvent}s as the normalizer would, for tests: {@code TestEvents.police("J1",
 * "RECEIVED", at).level(P1).build()}.
 */
public final class TestEvents {

    /** 2026-11-28T02:00:00Z (10:00 in Pinghu), the samples' first report. */
    public static final long T0 = Instant.parse("2026-11-28T02:00:00Z").toEpochMilli();

    public static final long MINUTE = 60_000;
    public static final long SECOND = 1_000;

    private static final Map<String, UnifiedStatus> POLICE =
            Map.of(
                    "RECEIVED", UnifiedStatus.REPORTED,
                    "DISPATCHED", UnifiedStatus.DISPATCHED,
                    "TRANSFERRED_12345", UnifiedStatus.DISPATCHED,
                    "ARRIVED", UnifiedStatus.ON_SCENE,
                    "FINISHED", UnifiedStatus.RESOLVED,
                    "CLOSED", UnifiedStatus.CLOSED,
                    "CANCELLED", UnifiedStatus.CANCELLED);
    private static final Map<String, UnifiedStatus> HOTLINE =
            Map.of(
                    "CREATE", UnifiedStatus.REPORTED,
                    "ASSIGN", UnifiedStatus.DISPATCHED,
                    "SIGN", UnifiedStatus.ACCEPTED,
                    "ARRIVE", UnifiedStatus.ON_SCENE,
                    "REPLY", UnifiedStatus.RESOLVED,
                    "CLOSE", UnifiedStatus.CLOSED,
                    "REOPEN", UnifiedStatus.REOPENED,
                    "REVOKE", UnifiedStatus.CANCELLED);

    /** The towns of towns.tsv: name to code. */
    public static final Map<String, String> TOWNS =
            Map.of(
                    "当湖街道", "330482001",
                    "钟埭街道", "330482002",
                    "曹桥街道", "330482003",
                    "乍浦镇", "330482100",
                    "新埭镇", "330482101",
                    "新仓镇", "330482102",
                    "独山港镇", "330482103",
                    "林埭镇", "330482104",
                    "广陈镇", "330482105");

    private TestEvents() {}

    /** T0 plus minutes. */
    public static long minutes(double minutes) {
        return T0 + Math.round(minutes * MINUTE);
    }

    /** A 2026-11-28 UTC time, e.g. {@code utc("02:15:30")}. */
    public static long utc(String time) {
        return Instant.parse("2026-11-28T" + time + "Z").toEpochMilli();
    }

    /** A 110 record of alarm {@code alarmId} with upstream status {@code status}. */
    public static Builder police(String alarmId, String status, long eventTime) {
        Builder builder = new Builder(Source.POLICE_110, status, POLICE.get(status), eventTime);
        builder.incidentId = "110-" + alarmId;
        builder.alarmId = alarmId;
        return builder;
    }

    /** A 12345 record of order {@code orderId} with upstream action {@code action}. */
    public static Builder hotline(String orderId, String action, long eventTime) {
        Builder builder = new Builder(Source.HOTLINE_12345, action, HOTLINE.get(action), eventTime);
        builder.incidentId = "12345-" + orderId;
        builder.orderId = orderId;
        return builder;
    }

    /** A mutable record under construction; defaults: town 当湖街道, nothing optional. */
    public static final class Builder {
        private String incidentId;
        private final Source source;
        private final UnifiedStatus status;
        private final String rawStatus;
        private final long eventTime;
        private String alarmId;
        private String orderId;
        private String category;
        private String rawCategory;
        private Priority priority;
        private String townCode = "330482001";
        private String town = "当湖街道";
        private String village;
        private String gridCode;
        private Double lat;
        private Double lon;
        private String callerKey;
        private String summary;
        private String unit;
        private String channel;
        private Integer seq;

        private Builder(Source source, String rawStatus, UnifiedStatus status, long eventTime) {
            if (status == null) {
                throw new IllegalArgumentException("Unknown upstream status " + rawStatus);
            }
            this.source = source;
            this.rawStatus = rawStatus;
            this.status = status;
            this.eventTime = eventTime;
        }

        /** A 12345 order handed over from 110: it belongs to {@code 110-<alarmId>}. */
        public Builder linkedTo(String linkedAlarmId) {
            incidentId = "110-" + linkedAlarmId;
            alarmId = linkedAlarmId;
            return this;
        }

        public Builder category(String unified, String raw) {
            category = unified;
            rawCategory = raw;
            return this;
        }

        public Builder priority(Priority value) {
            priority = value;
            return this;
        }

        public Builder town(String name) {
            town = name;
            townCode = TOWNS.get(name);
            if (townCode == null) {
                throw new IllegalArgumentException("Not a town of towns.tsv: " + name);
            }
            return this;
        }

        public Builder village(String value) {
            village = value;
            return this;
        }

        public Builder grid(String value) {
            gridCode = value;
            return this;
        }

        public Builder location(double latitude, double longitude) {
            lat = latitude;
            lon = longitude;
            return this;
        }

        public Builder callerKey(String value) {
            callerKey = value;
            return this;
        }

        public Builder summary(String value) {
            summary = value;
            return this;
        }

        public Builder unit(String value) {
            unit = value;
            return this;
        }

        public Builder channel(String value) {
            channel = value;
            return this;
        }

        public Builder seq(int value) {
            seq = value;
            return this;
        }

        public UnifiedEvent build() {
            return new UnifiedEvent(
                    incidentId,
                    source,
                    status,
                    rawStatus,
                    eventTime,
                    alarmId,
                    orderId,
                    category,
                    rawCategory,
                    priority,
                    townCode,
                    town,
                    village,
                    gridCode,
                    lat,
                    lon,
                    callerKey,
                    summary,
                    unit,
                    channel,
                    seq);
        }
    }
}
