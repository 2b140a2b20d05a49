package org.pingzhi.common.rules;

import java.time.Duration;

/**
 * BACKLOG: more than {@code threshold} incidents of a town open at every minute end for {@code
 * duration} (whole minutes).
 */
public record BacklogRule(
        String id,
        boolean enabled,
        Severity severity,
        AlertLevel level,
        RuleFilter filter,
        int threshold,
        Duration duration)
        implements Rule {

    private static final long serialVersionUID = 1L;

    @Override
    public RuleKind kind() {
        return RuleKind.BACKLOG;
    }
}
