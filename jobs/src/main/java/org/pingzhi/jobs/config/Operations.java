package org.pingzhi.jobs.config;

import java.time.Duration;
import java.util.Locale;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/** Turns Pingzhi's operations options into the Flink settings of the live job. */
public final class Operations {

    private static final Duration LIVE_WATERMARK_INTERVAL = Duration.ofMillis(50);

    /**
     * Unless {@code execution.buffer-timeout.interval} is set: an escalation crosses three network
     * exchanges (the watermark into the lifecycle, the alert into the escalation join and into the
     * acknowledgements), each holding a buffer that is not full for up to this long (Flink's
     * default 100 ms). Live traffic is light; a backlog fills buffers before the timeout.
     */
    private static final Duration LIVE_BUFFER_TIMEOUT = Duration.ofMillis(10);

    private Operations() {}

    /**
     * The configuration to create the job's environment with: the given one plus checkpointing
     * (exactly-once, retained on cancellation so a restart can resume), the state backend and the
     * watermark interval and network buffer timeout of a job whose alerts are awaited.
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
        flink.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, watermarkInterval(pingzhi));
        flink.set(
                ExecutionOptions.BUFFER_TIMEOUT,
                pingzhi.getOptional(ExecutionOptions.BUFFER_TIMEOUT).orElse(LIVE_BUFFER_TIMEOUT));
        pingzhi.getOptional(OperationsOptions.CHECKPOINT_DIRECTORY)
                .ifPresent(dir -> flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
        OperationsOptions.StateBackend backend = pingzhi.get(OperationsOptions.STATE_BACKEND);
        flink.set(StateBackendOptions.STATE_BACKEND, backend.name().toLowerCase(Locale.ROOT));
        if (backend == OperationsOptions.StateBackend.ROCKSDB) {
            flink.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        }
        return flink;
    }

    /**
     * How often the live sources emit watermarks (and the idle ones the wall clock's): Flink's
     * {@code pipeline.auto-watermark-interval} when set, else 50 ms. A deadline's escalation waits
     * for the first emission after event time passed it; Flink's default, 200 ms, is a fifth of the
     * second the page may take beyond the out-of-orderness.
     */
    public static Duration watermarkInterval(Configuration pingzhi) {
        return pingzhi.getOptional(PipelineOptions.AUTO_WATERMARK_INTERVAL)
                .orElse(LIVE_WATERMARK_INTERVAL);
    }

    public static boolean checkpointing(Configuration pingzhi) {
        return !pingzhi.get(OperationsOptions.CHECKPOINT_INTERVAL).isZero();
    }
}
