package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.pingzhi.jobs.rules.BacklogEpisodes;
import org.pingzhi.jobs.rules.BreachRateEpisodes;
import org.pingzhi.jobs.rules.FeedSilenceEpisodes;
import org.pingzhi.jobs.rules.SurgeEpisodes;

/**
 * The state of the SURGE, FEED_SILENCE, BREACH_RATE and BACKLOG operators, in one place: per rule
 * and group the kind's window logic, as a typed Flink value, and the key's one pending timer.
 */
final class RuleStateDescriptors {

    private RuleStateDescriptors() {}

    static final ValueStateDescriptor<SurgeEpisodes> SURGE =
            new ValueStateDescriptor<>("surge-group", TypeInformation.of(SurgeEpisodes.class));

    static final ValueStateDescriptor<FeedSilenceEpisodes> FEED_SILENCE =
            new ValueStateDescriptor<>(
                    "feed-silence-group", TypeInformation.of(FeedSilenceEpisodes.class));

    static final ValueStateDescriptor<BreachRateEpisodes> BREACH_RATE =
            new ValueStateDescriptor<>(
                    "breach-rate-group", TypeInformation.of(BreachRateEpisodes.class));

    static final ValueStateDescriptor<BacklogEpisodes> BACKLOG =
            new ValueStateDescriptor<>("backlog-group", TypeInformation.of(BacklogEpisodes.class));

    /** The one event-time timer registered for the key, so a quiet group leaves none behind. */
    static final ValueStateDescriptor<Long> WAKE_UP =
            new ValueStateDescriptor<>("rule-group-wake-up", Types.LONG);

    /**
     * SURGE's history start (broadcast): the earliest reportedAt of all incidents seen, under
     * {@link #EARLIEST}.
     */
    static final MapStateDescriptor<String, Long> HISTORY_START =
            new MapStateDescriptor<>("surge-history-start", Types.STRING, Types.LONG);

    static final String EARLIEST = "earliest";
}
