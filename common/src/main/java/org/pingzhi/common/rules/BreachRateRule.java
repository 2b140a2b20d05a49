package org.pingzhi.common.rules;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * BREACH_RATE: a town whose SLA decisions in a tumbling window are at least {@code threshold}
 * breached, with at least {@code minDecided} decisions.
 */
public record BreachRateRule(
        String id,
        boolean enabled,
        Severity severity,
        AlertLevel level,
        RuleFilter filter,
        Duration window,
        BigDecimal threshold,
        int minDecided)
        implements Rule {

    private static final long serialVersionUID = 1L;

    @Override
    public RuleKind kind() {
        return RuleKind.BREACH_RATE;
    }
}
