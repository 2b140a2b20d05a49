package org.pingzhi.jobs.lifecycle;

import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.pingzhi.common.model.UnifiedEvent;

/**
 * The state of {@link IncidentLifecycleFunction}: keyed per incident (Flink POJOs, no Kryo) and,
 * per operator, the time it had reached.
 */
public final class LifecycleStateDescriptors {

    public static final TypeInformation<UnifiedEvent> RECORD_TYPE =
            TypeInformation.of(UnifiedEvent.class);
    public static final TypeInformation<EmittedOutputs> EMITTED_TYPE =
            TypeInformation.of(EmittedOutputs.class);
    public static final TypeInformation<FoldedIncident> FOLDED_TYPE =
            TypeInformation.of(FoldedIncident.class);
    public static final TypeInformation<IncidentSummary> SUMMARY_TYPE =
            TypeInformation.of(IncidentSummary.class);

    private LifecycleStateDescriptors() {}

    /** The incident's distinct records by {@link UnifiedEvent#duplicateKey()}. */
    public static MapStateDescriptor<String, UnifiedEvent> records() {
        return new MapStateDescriptor<>("incident-records", Types.STRING, RECORD_TYPE);
    }

    /**
     * A replay's records whose event time has not come yet: each is folded in when event time
     * reaches it, so that what is judged at an instant never depends on records after it.
     */
    public static ListStateDescriptor<UnifiedEvent> recordsAhead() {
        return new ListStateDescriptor<>("incident-records-ahead", RECORD_TYPE);
    }

    /**
     * The fold of the incident's records, so that a record arriving in order applies on top of it
     * instead of the records being folded again.
     */
    public static ValueStateDescriptor<FoldedIncident> folded() {
        return new ValueStateDescriptor<>("incident-folded", FOLDED_TYPE);
    }

    /** What was emitted for the incident, and its registered timer. */
    public static ValueStateDescriptor<EmittedOutputs> emitted() {
        return new ValueStateDescriptor<>("incident-emitted", EMITTED_TYPE);
    }

    /** What is left of the incident once its records are cleaned up. */
    public static ValueStateDescriptor<IncidentSummary> summary() {
        return new ValueStateDescriptor<>("incident-summary", SUMMARY_TYPE);
    }

    /**
     * Operator state (union list): the latest time each subtask judged an incident at, so that
     * after a restore no incident is judged earlier than the checkpointed attempt had got to.
     */
    public static ListStateDescriptor<Long> timeReached() {
        return new ListStateDescriptor<>("lifecycle-time-reached", Types.LONG);
    }
}
