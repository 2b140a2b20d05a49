package org.pingzhi.jobs.rules.flow;

import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** What a broadcast harness (which lacks {@code numKeyedStateEntries}) holds in keyed state. */
final class KeyedStateEntries {

    private KeyedStateEntries() {}

    static int of(AbstractStreamOperatorTestHarness<?> harness) {
        return ((HeapKeyedStateBackend<?>)
                        ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend())
                .numKeyValueStateEntries();
    }
}
