package org.pingzhi.common.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A valid rules file: its version and its rules in file order.
 *
 * @param version the file's {@code version}, written into every alert as {@code ruleVersion}
 */
public record RulesFile(String version, List<Rule> rules) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Classpath location of the rules shipped for Pinghu. */
    public static final String DEFAULT_RESOURCE = "/rules/pinghu-rules.json";

    /** No rules: a replay without {@code --rules}. */
    public static final RulesFile NONE = new RulesFile("none", List.of());

    public RulesFile {
        rules = List.copyOf(rules);
    }

    /** The rules that do something. */
    public List<Rule> enabledRules() {
        return rules.stream().filter(Rule::enabled).toList();
    }

    public Optional<Rule> byId(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
