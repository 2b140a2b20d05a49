package org.pingzhi.common.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * SURGE: a tumbling window whose count reaches {@code minCount} and {@code factor} times its
 * baseline's average.
 */
public record SurgeRule(
        String id,
        boolean enabled,
        Severity severity,
        AlertLevel level,
        RuleFilter filter,
        List<KeyField> key,
        Duration window,
        BigDecimal factor,
        int minCount,
        Baseline baseline)
        implements Rule {

    private static final long serialVersionUID = 1L;

    public SurgeRule {
        key = List.copyOf(key);
    }

    @Override
    public RuleKind kind() {
        return RuleKind.SURGE;
    }
}
