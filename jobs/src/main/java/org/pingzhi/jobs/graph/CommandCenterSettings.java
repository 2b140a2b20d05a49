package org.pingzhi.jobs.graph;

import java.io.Serializable;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.sla.SlaPolicy;

/**
 * Everything the graph needs besides its edges (the sources bring normalizer and event time).
 *
 * @param slaPolicy response targets
 * @param lifecycle retention, caps and the replay horizon
 * @param rules the windowed rules in force (contract rules.md)
 */
public record CommandCenterSettings(
        SlaPolicy slaPolicy, LifecycleSettings lifecycle, RulesFile rules)
        implements Serializable {}
