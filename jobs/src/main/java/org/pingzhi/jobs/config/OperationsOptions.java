package org.pingzhi.jobs.config;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Checkpointing and state of the live job. */
public final class OperationsOptions {

    /** Where keyed state lives. */
    public enum StateBackend {
        /** On the heap: fastest, bounded by memory (the default; a county's incidents fit). */
        HASHMAP,
        /** In RocksDB on local disk, for state larger than memory. */
        ROCKSDB
    }

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("pingzhi.checkpoint.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Interval of exactly-once checkpoints; 0 turns checkpointing off (and"
                                    + " the Kafka sinks fall back to at-least-once).");

    public static final ConfigOption<String> CHECKPOINT_DIRECTORY =
            ConfigOptions.key("pingzhi.checkpoint.directory")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Durable checkpoint storage, e.g. s3://bucket/pingzhi or"
                                    + " file:///var/lib/pingzhi/checkpoints. Without it, the"
                                    + " cluster's execution.checkpointing.dir applies.");

    public static final ConfigOption<StateBackend> STATE_BACKEND =
            ConfigOptions.key("pingzhi.state.backend")
                    .enumType(StateBackend.class)
                    .defaultValue(StateBackend.HASHMAP)
                    .withDescription("HASHMAP (heap) or ROCKSDB (disk, incremental checkpoints).");

    /**
     * Flink's default depends on the parallelism (128 up to a parallelism of 85, more above), so a
     * job rescaled past it could no longer restore its state; fixed here, it is part of the state's
     * shape: keyed state is split into this many key groups.
     */
    public static final ConfigOption<Integer> MAX_PARALLELISM =
            ConfigOptions.key("pingzhi.state.max-parallelism")
                    .intType()
                    .defaultValue(128)
                    .withDescription(
                            "Number of key groups of the keyed state: the highest parallelism the"
                                    + " job can ever be scaled to. Changing it makes existing"
                                    + " checkpoints and savepoints unrestorable.");

    private OperationsOptions() {}
}
