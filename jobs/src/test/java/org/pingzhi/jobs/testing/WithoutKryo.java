package org.pingzhi.jobs.testing;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** A harness whose state may not fall back to Kryo: a type without its own serializer fails. */
public final class WithoutKryo {

    private WithoutKryo() {}

    /** {@code harness}, before its setup, with generic types disabled. */
    public static <H extends AbstractStreamOperatorTestHarness<?>> H of(H harness) {
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig())
                .setGenericTypes(false);
        return harness;
    }
}
