package org.pingzhi.jobs.ack;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** How the command-center job shows acknowledgements on its alerts. */
public final class AckOptions {

    private AckOptions() {}

    public static final ConfigOption<Duration> EARLY_ACK_RETENTION =
            ConfigOptions.key("pingzhi.acks.early-retention")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "How long an acknowledgement of an alert the job does not hold open is"
                                    + " kept, in case the alert comes after it (a restore from an"
                                    + " older checkpoint); then it is dropped. An acknowledgement"
                                    + " of a resolved alert changes nothing.");
}
