package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.pingzhi.jobs.escalation.EscalationMarks;
import org.pingzhi.jobs.rules.HotspotEpisodes;
import org.pingzhi.jobs.rules.HotspotEpisodesSerializer;
import org.pingzhi.jobs.rules.RuleIncident;

/**
 * The keyed state of the incident rules' operators, all typed without Kryo or Java serialization:
 * Flink POJOs, and the group state in its own versioned serializer.
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
     * {@link IncidentRuleFunction}: the group's window logic. (Its first, Java-serialized form was
     * kept as {@code rule-group}, never released.)
     */
    public static final ValueStateDescriptor<HotspotEpisodes> GROUP =
            new ValueStateDescriptor<>("rule-group-episodes", HotspotEpisodesSerializer.INSTANCE);

    /** {@link IncidentRuleFunction}: the one event-time timer registered for the group. */
    static final ValueStateDescriptor<Long> WAKE_UP =
            new ValueStateDescriptor<>("rule-group-wake-up", Types.LONG);

    /** {@link RuleMarksFold}: the incident's marks so far. */
    static final ValueStateDescriptor<EscalationMarks> MARKS =
            new ValueStateDescriptor<>(
                    "incident-rule-marks", TypeInformation.of(EscalationMarks.class));

    /** {@link RuleMarksFold}: the instant of the incident's one timer. */
    static final ValueStateDescriptor<Long> KEPT_UNTIL =
            new ValueStateDescriptor<>("incident-rule-marks-kept-until", Types.LONG);
}
