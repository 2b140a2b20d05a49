package org.pingzhi.jobs.lifecycle;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.pingzhi.common.model.UnifiedEvent;

/** The keyed state of {@link IncidentLifecycleFunction}; both types are Flink POJOs (no Kryo). */
public final class LifecycleStateDescriptors {

    public static final TypeInformation<UnifiedEvent> RECORD_TYPE =
            TypeInformation.of(UnifiedEvent.class);
    public static final TypeInformation<EmittedOutputs> EMITTED_TYPE =
            TypeInformation.of(EmittedOutputs.class);

    private LifecycleStateDescriptors() {}

    /** The incident's distinct records by {@link UnifiedEvent#duplicateKey()}. */
    public static MapStateDescriptor<String, UnifiedEvent> records() {
        return new MapStateDescriptor<>("incident-records", Types.STRING, RECORD_TYPE);
    }

    /** What was emitted for the incident, and its registered timer. */
    public static ValueStateDescriptor<EmittedOutputs> emitted() {
        return new ValueStateDescriptor<>("incident-emitted", EMITTED_TYPE);
    }
}
