package org.pingzhi.dispatch.roster;

import java.util.List;

/** A roster file that cannot be used; each problem names its entry. */
public final class InvalidRosterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidRosterException(String source, List<String> problems) {
        super(
                "duty roster "
                        + source
                        + ": "
                        + problems.size()
                        + " problem(s)\n  - "
                        + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
