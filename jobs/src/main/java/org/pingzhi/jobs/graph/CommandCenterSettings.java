package org.pingzhi.jobs.graph;

import java.io.Serializable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.sla.SlaPolicy;

/**
 * Everything the graph needs besides its edges.
 *
 * @param normalizer raw record to unified event (with the caller-key secret)
 * @param slaPolicy response targets
 * @param lifecycle retention, caps and the replay horizon
 * @param watermarks how event time advances: live follows the wall clock when idle, replay only at
 *     the end of its input
 */
public record CommandCenterSettings(
        Normalizer normalizer,
        SlaPolicy slaPolicy,
        LifecycleSettings lifecycle,
        WatermarkStrategy<UnifiedEvent> watermarks)
        implements Serializable {}
