package org.pingzhi.common.rules;

import java.time.Duration;
import java.util.List;

/** HOTSPOT: at least {@code threshold} incidents of one key group within {@code window}. */
public record HotspotRule(
        String id,
        boolean enabled,
        Severity severity,
        AlertLevel level,
        RuleFilter filter,
        List<KeyField> key,
        int threshold,
        Duration window)
        implements Rule {

    private static final long serialVersionUID = 1L;

    public HotspotRule {
        key = List.copyOf(key);
    }

    @Override
    public RuleKind kind() {
        return RuleKind.HOTSPOT;
    }
}
