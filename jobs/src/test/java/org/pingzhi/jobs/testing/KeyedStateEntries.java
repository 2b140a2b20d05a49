package org.pingzhi.jobs.testing;

import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** What a broadcast harness (which lacks {@code numKeyedStateEntries}) holds in keyed state. */
public final class KeyedStateEntries {

    private KeyedStateEntries() {}

    public static int of(AbstractStreamOperatorTestHarness<?> harness) {
        return ((HeapKeyedStateBackend<?>)
                        ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend())
                .numKeyValueStateEntries();
    }
}
