package org.pingzhi.common.rules;

import java.io.Serializable;
import java.util.Set;

/**
 * Which incidents a rule counts: an incident counts only if it is in every list given; a null list
 * is not given (anything passes).
 *
 * @param sources "110" and/or "12345", or null
 * @param categories unified category codes, or null
 * @param priorities P1..P3, or null
 * @param townCodes town codes of towns.tsv, or null
 */
public record RuleFilter(
        Set<String> sources, Set<String> categories, Set<String> priorities, Set<String> townCodes)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The filter of a rule without one: every incident counts. */
    public static final RuleFilter NONE = new RuleFilter(null, null, null, null);

    public RuleFilter {
        sources = sources == null ? null : Set.copyOf(sources);
        categories = categories == null ? null : Set.copyOf(categories);
        priorities = priorities == null ? null : Set.copyOf(priorities);
        townCodes = townCodes == null ? null : Set.copyOf(townCodes);
    }

    public boolean matches(String source, String category, String priority, String townCode) {
        return admits(sources, source)
                && admits(categories, category)
                && admits(priorities, priority)
                && admits(townCodes, townCode);
    }

    private static boolean admits(Set<String> allowed, String value) {
        return allowed == null || (value != null && allowed.contains(value));
    }
}
