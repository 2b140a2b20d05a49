package org.pingzhi.common.rules;

import java.time.Duration;

/** REPEAT_CALLER: a HOTSPOT keyed on the callerKey. */
public record RepeatCallerRule(
        String id,
        boolean enabled,
        Severity severity,
        AlertLevel level,
        RuleFilter filter,
        int threshold,
        Duration window)
        implements Rule {

    private static final long serialVersionUID = 1L;

    @Override
    public RuleKind kind() {
        return RuleKind.REPEAT_CALLER;
    }
}
