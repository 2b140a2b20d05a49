package org.pingzhi.jobs.graph;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.ack.AckOptions;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.metrics.MetricsOptions;
import org.pingzhi.jobs.sla.SlaPolicy;

/**
 * Everything the graph needs besides its edges (the sources bring normalizer and event time).
 *
 * @param slaPolicy response targets
 * @param lifecycle retention, caps and the replay horizon
 * @param rules the windowed rules in force (contract rules.md)
 * @param metricsLatenessMillis how long after a minute's end its metric documents are still
 *     corrected ({@link org.pingzhi.jobs.metrics.MetricsOptions#LATENESS})
 * @param earlyAckRetention how long an acknowledgement waits for its alert ({@link
 *     AckOptions#EARLY_ACK_RETENTION})
 */
public record CommandCenterSettings(
        SlaPolicy slaPolicy,
        LifecycleSettings lifecycle,
        RulesFile rules,
        long metricsLatenessMillis,
        Duration earlyAckRetention)
        implements Serializable {

    /**
     * The settings with the metrics' lateness bound and the acknowledgements' from {@code
     * configuration}.
     */
    public static CommandCenterSettings of(
            SlaPolicy slaPolicy,
            LifecycleSettings lifecycle,
            RulesFile rules,
            ReadableConfig configuration) {
        return new CommandCenterSettings(
                slaPolicy,
                lifecycle,
                rules,
                MetricsOptions.latenessMillis(configuration.get(MetricsOptions.LATENESS)),
                configuration.get(AckOptions.EARLY_ACK_RETENTION));
    }
}
