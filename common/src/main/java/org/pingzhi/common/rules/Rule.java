package org.pingzhi.common.rules;

import java.io.Serializable;

/** One rule of a rules file (contract rules.md), valid by construction of the parser. */
public sealed interface Rule extends Serializable
        permits HotspotRule,
                RepeatCallerRule,
                SurgeRule,
                FeedSilenceRule,
                BreachRateRule,
                BacklogRule {

    String id();

    RuleKind kind();

    /** A disabled rule does nothing. */
    boolean enabled();

    Severity severity();

    AlertLevel level();
}
