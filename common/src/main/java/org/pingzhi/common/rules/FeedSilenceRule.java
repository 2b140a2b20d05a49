package org.pingzhi.common.rules;

import java.time.Duration;

/**
 * FEED_SILENCE: a source (or a source within one town) sending nothing for {@code window}, judged
 * within {@code activeHours}.
 *
 * @param source "110" or "12345"
 * @param townCode the town whose records count, or null for the whole source
 */
public record FeedSilenceRule(
        String id,
        boolean enabled,
        Severity severity,
        AlertLevel level,
        String source,
        String townCode,
        Duration window,
        ActiveHours activeHours)
        implements Rule {

    private static final long serialVersionUID = 1L;

    @Override
    public RuleKind kind() {
        return RuleKind.FEED_SILENCE;
    }
}
