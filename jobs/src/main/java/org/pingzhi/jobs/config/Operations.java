package org.pingzhi.jobs.config;

import java.time.Duration;
import java.util.Locale;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/** Turns Pingzhi's operations options into the Flink settings of the live job. */
public final class Operations {

    private Operations() {}

    /**
     * The configuration to create the job's environment with: the given one plus checkpointing
     * (exactly-once, retained on cancellation so a restart can resume) and the state backend.
     */
    public static Configuration flinkConfiguration(Configuration pingzhi) {
        Configuration flink = new Configuration(pingzhi);
        Duration interval = pingzhi.get(OperationsOptions.CHECKPOINT_INTERVAL);
        if (!interval.isZero()) {
            flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
            flink.set(
                    CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                    CheckpointingMode.EXACTLY_ONCE);
            flink.set(
                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        pingzhi.getOptional(OperationsOptions.CHECKPOINT_DIRECTORY)
                .ifPresent(dir -> flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
        OperationsOptions.StateBackend backend = pingzhi.get(OperationsOptions.STATE_BACKEND);
        flink.set(StateBackendOptions.STATE_BACKEND, backend.name().toLowerCase(Locale.ROOT));
        if (backend == OperationsOptions.StateBackend.ROCKSDB) {
            flink.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        }
        return flink;
    }

    public static boolean checkpointing(Configuration pingzhi) {
        return !pingzhi.get(OperationsOptions.CHECKPOINT_INTERVAL).isZero();
    }
}
