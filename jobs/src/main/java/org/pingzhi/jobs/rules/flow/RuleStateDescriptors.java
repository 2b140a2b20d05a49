package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.jobs.escalation.EscalationMarks;
import org.pingzhi.jobs.rules.BacklogEpisodes;
import org.pingzhi.jobs.rules.BacklogEpisodesSerializer;
import org.pingzhi.jobs.rules.BreachRateEpisodes;
import org.pingzhi.jobs.rules.BreachRateEpisodesSerializer;
import org.pingzhi.jobs.rules.FeedSilenceEpisodes;
import org.pingzhi.jobs.rules.FeedSilenceEpisodesSerializer;
import org.pingzhi.jobs.rules.HotspotEpisodes;
import org.pingzhi.jobs.rules.HotspotEpisodesSerializer;
import org.pingzhi.jobs.rules.RuleIncident;
import org.pingzhi.jobs.rules.SurgeEpisodes;
import org.pingzhi.jobs.rules.SurgeEpisodesSerializer;

/**
 * The keyed and broadcast state of the rules' operators, in one place: the routing's incidents, per
 * rule and group the kind's window logic, the key's one pending timer, the marks' fold.
 */
public final class RuleStateDescriptors {

    private RuleStateDescriptors() {}

    /**
     * {@link IncidentRuleRouting}: the incident waiting for the watermark to pass its reportedAt.
     */
    public static final ValueStateDescriptor<RuleIncident> PENDING =
            new ValueStateDescriptor<>(
                    "incident-pending-for-rules", TypeInformation.of(RuleIncident.class));

    /** {@link IncidentRuleRouting}, after counting: until when the incident is remembered. */
    public static final ValueStateDescriptor<Long> COUNTED_UNTIL =
            new ValueStateDescriptor<>("incident-counted-for-rules-until", Types.LONG);

    /**
     * {@link IncidentRuleRouting}, after counting for BACKLOG: the incident as its groups hold it.
     */
    static final ValueStateDescriptor<RuleIncident> BACKLOG_COUNTED =
            new ValueStateDescriptor<>(
                    "incident-counted-for-backlog", TypeInformation.of(RuleIncident.class));

    /**
     * {@link IncidentRuleRouting}, after counting for BACKLOG: the ordinal of the rules version in
     * force then ({@link org.pingzhi.jobs.rules.control.RulesInForce#generation}).
     */
    static final ValueStateDescriptor<Long> BACKLOG_COUNTED_UNDER =
            new ValueStateDescriptor<>("incident-counted-for-backlog-under", Types.LONG);

    /**
     * {@link IncidentRuleFunction}: the group's window logic. (Its first, Java-serialized form was
     * kept as {@code rule-group}, never released.)
     */
    public static final ValueStateDescriptor<HotspotEpisodes> GROUP =
            new ValueStateDescriptor<>("rule-group-episodes", HotspotEpisodesSerializer.INSTANCE);

    /*
     * The other kinds' windows, each in its own versioned serializer. (Their first, Kryo forms
     * were kept as surge-group, feed-silence-group, breach-rate-group and backlog-group, never
     * released.)
     */

    static final ValueStateDescriptor<SurgeEpisodes> SURGE =
            new ValueStateDescriptor<>("surge-group-episodes", SurgeEpisodesSerializer.INSTANCE);

    static final ValueStateDescriptor<FeedSilenceEpisodes> FEED_SILENCE =
            new ValueStateDescriptor<>(
                    "feed-silence-group-episodes", FeedSilenceEpisodesSerializer.INSTANCE);

    static final ValueStateDescriptor<BreachRateEpisodes> BREACH_RATE =
            new ValueStateDescriptor<>(
                    "breach-rate-group-episodes", BreachRateEpisodesSerializer.INSTANCE);

    static final ValueStateDescriptor<BacklogEpisodes> BACKLOG =
            new ValueStateDescriptor<>(
                    "backlog-group-episodes", BacklogEpisodesSerializer.INSTANCE);

    /** The name of the keyed state that holds a group's window logic for rules of {@code kind}. */
    public static String groupStateName(RuleKind kind) {
        return switch (kind) {
            case HOTSPOT, REPEAT_CALLER -> GROUP.getName();
            case SURGE -> SURGE.getName();
            case FEED_SILENCE -> FEED_SILENCE.getName();
            case BREACH_RATE -> BREACH_RATE.getName();
            case BACKLOG -> BACKLOG.getName();
        };
    }

    /** Every rule group's operator: the one event-time timer registered for the key. */
    static final ValueStateDescriptor<Long> WAKE_UP =
            new ValueStateDescriptor<>("rule-group-wake-up", Types.LONG);

    /**
     * Every rule group's operator, operator (union list) state: the event time it had reached, for
     * after a restore.
     */
    static ListStateDescriptor<Long> timeReached() {
        return new ListStateDescriptor<>("rule-group-time-reached", Types.LONG);
    }

    /**
     * SURGE's history start (broadcast): the earliest reportedAt of all incidents seen, under
     * {@link #EARLIEST}.
     */
    static final MapStateDescriptor<String, Long> HISTORY_START =
            new MapStateDescriptor<>("surge-history-start", Types.STRING, Types.LONG);

    static final String EARLIEST = "earliest";

    /** {@link RuleMarksFold}: the incident's marks so far. */
    static final ValueStateDescriptor<EscalationMarks> MARKS =
            new ValueStateDescriptor<>(
                    "incident-rule-marks", TypeInformation.of(EscalationMarks.class));

    /** {@link RuleMarksFold}: the instant of the incident's one timer. */
    static final ValueStateDescriptor<Long> KEPT_UNTIL =
            new ValueStateDescriptor<>("incident-rule-marks-kept-until", Types.LONG);
}
