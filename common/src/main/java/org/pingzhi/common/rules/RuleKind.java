package org.pingzhi.common.rules;

/** The six kinds of windowed rule (contract rules.md, "The kinds"). */
public enum RuleKind {
    HOTSPOT,
    REPEAT_CALLER,
    SURGE,
    FEED_SILENCE,
    BREACH_RATE,
    BACKLOG
}
