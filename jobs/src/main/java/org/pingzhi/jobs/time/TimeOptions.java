package org.pingzhi.jobs.time;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** How event time advances, live and in a replay. */
public final class TimeOptions {

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("pingzhi.time.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(3))
                    .withDescription(
                            "How far the watermark trails event time: a Kafka partition's"
                                    + " newest event time, moved on with the wall clock since"
                                    + " that record was read while the partition is caught up"
                                    + " (its newest record read within this bound of its event"
                                    + " time). Records later than this are still processed and"
                                    + " correct what they prove wrong (RETRACTED).");

    public static final ConfigOption<Duration> IDLE_AFTER =
            ConfigOptions.key("pingzhi.time.idle-after")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription(
                            "Wall-clock silence of a Kafka partition after which its"
                                    + " watermark follows the wall clock (less the"
                                    + " out-of-orderness), so deadlines fire on time when the"
                                    + " topics are quiet.");

    public static final ConfigOption<Duration> STARTUP_GRACE =
            ConfigOptions.key("pingzhi.time.startup-grace")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "After a (re)start, how long a source may take to deliver its first"
                                + " record before it counts as idle and follows the wall clock;"
                                + " keeps a backlog from being processed as late records. Delays"
                                + " the first live deadline after a start by at most this much.");

    public static final ConfigOption<Duration> CATCH_UP_TIMEOUT =
            ConfigOptions.key("pingzhi.time.catch-up-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(2))
                    .withDescription(
                            "How long a silent Kafka partition whose last record was old (read"
                                    + " more than the out-of-orderness after its event time), or"
                                    + " that has delivered none since a (re)start, waits for its"
                                    + " topic to have nothing left unread by the job's consumer"
                                    + " group (committed offsets, i.e. those of the last completed"
                                    + " checkpoint, at the end offsets) before its watermark"
                                    + " follows the wall clock anyway. Keeps a backlog read slowly"
                                    + " after a restore from becoming late records; bounds how"
                                    + " long deadlines wait when that answer does not come.");

    public static final ConfigOption<Integer> REPLAY_WATERMARK_STEP =
            ConfigOptions.key("pingzhi.replay.watermark-step")
                    .intType()
                    .defaultValue(4096)
                    .withDescription(
                            "Replay: records of a file between two moves of its watermark, each as"
                                    + " far as none of its later records falls behind it. Smaller"
                                    + " steps drop ended incidents' state sooner; larger ones"
                                    + " leave fewer passes over the timers. The output is the same"
                                    + " for every step.");

    private TimeOptions() {}
}
