package org.pingzhi.jobs.rules;

import java.time.Instant;
import java.util.List;

/** Small inputs for the rules' window logic, around one local (UTC+8) midnight. */
final class RuleInputs {

    /** 2026-11-28T00:00:00+08:00, a local midnight. */
    static final long MIDNIGHT = Instant.parse("2026-11-27T16:00:00Z").toEpochMilli();

    static final long SECOND = 1_000L;
    static final long MINUTE = 60_000L;

    /** The operator's event time before its first watermark (and all through a replay). */
    static final long NO_WATERMARK = Long.MIN_VALUE;

    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    static final String TOWN = "330482001";
    static final String OTHER_TOWN = "330482100";

    private RuleInputs() {}

    static long at(long offsetMillis) {
        return MIDNIGHT + offsetMillis;
    }

    static RuleIncident incident(String id, long reportedAt) {
        return new RuleIncident(
                id, reportedAt, TOWN, "东湖村", "G01", "DISPUTE", "12345", "P3", null, null);
    }

    static RuleIncident incident(String id, long reportedAt, String townCode, String category) {
        return new RuleIncident(
                id, reportedAt, townCode, "东湖村", "G01", category, "12345", "P3", null, null);
    }

    static RuleIncident call(String id, long reportedAt, String callerKey) {
        return new RuleIncident(
                id, reportedAt, TOWN, null, null, "OTHER", "12345", "P3", callerKey, null);
    }

    static SlaDecision decision(String id, long at, boolean breached) {
        return new SlaDecision(id, TOWN, "110", "PUBLIC_SECURITY", "P2", at, breached);
    }

    static List<EpisodeEvent.Type> types(List<EpisodeEvent> events) {
        return events.stream().map(EpisodeEvent::type).toList();
    }
}
