package org.pingzhi.dispatch.job;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The keyed state of the dispatch job's functions: {@link DispatchFunction} (by alertId) and {@link
 * RosterControlFunction} (one key); and the broadcast state of the roster in force.
 */
public final class DispatchStateDescriptors {

    public static final TypeInformation<AlertPaging> PAGING_TYPE =
            TypeInformation.of(AlertPaging.class);

    /** The published roster in force at each dispatch function ({@link RosterInForce}). */
    public static final MapStateDescriptor<String, RosterVersion> ROSTER_IN_FORCE =
            new MapStateDescriptor<>(
                    "dispatch-roster-in-force",
                    Types.STRING,
                    TypeInformation.of(RosterVersion.class));

    private DispatchStateDescriptors() {}

    /** Who was paged, how often, whether acknowledged, the pending follow-up. */
    public static ValueStateDescriptor<AlertPaging> paging() {
        return new ValueStateDescriptor<>("dispatch-alert-paging", PAGING_TYPE);
    }

    /** The last published roster that came into force; none: the start file is in force. */
    public static ValueStateDescriptor<RosterVersion> rosterPublished() {
        return new ValueStateDescriptor<>(
                "dispatch-roster-published", TypeInformation.of(RosterVersion.class));
    }
}
