package org.pingzhi.jobs.rules.flow;

import org.pingzhi.jobs.rules.control.RulesVersion;

/**
 * Rules versions of one rule, as the control stream puts them in force, for the operators' tests.
 */
final class PublishedVersions {

    private PublishedVersions() {}

    /** {@code backlog}: more than {@code threshold} of a town open for 5 min. */
    static RulesVersion backlog(String version, int threshold, long at) {
        return of(
                version,
                "{\"id\": \"backlog\", \"kind\": \"BACKLOG\", \"severity\": \"WARNING\", \"level\":"
                        + " \"CITY\", \"threshold\": "
                        + threshold
                        + ", \"duration\": \"PT5M\"}",
                at);
    }

    /** {@code surge}: hourly, twice the previous hour and at least {@code minCount}. */
    static RulesVersion surge(String version, int minCount, long at) {
        return of(
                version,
                "{\"id\": \"surge\", \"kind\": \"SURGE\", \"severity\": \"WARNING\", \"level\":"
                        + " \"CITY\", \"key\": [\"townCode\"], \"window\": \"PT1H\", \"factor\": 2,"
                        + " \"minCount\": "
                        + minCount
                        + ", \"baseline\": {\"previousWindows\": 1}}",
                at);
    }

    /** {@code breach}: hourly, half breached of at least {@code minDecided}. */
    static RulesVersion breachRate(String version, int minDecided, long at) {
        return of(
                version,
                "{\"id\": \"breach\", \"kind\": \"BREACH_RATE\", \"severity\": \"WARNING\","
                        + " \"level\": \"CITY\", \"window\": \"PT1H\", \"threshold\": 0.5,"
                        + " \"minDecided\": "
                        + minDecided
                        + "}",
                at);
    }

    /** {@code silent-110}: no 110 record for {@code window} (ISO-8601). */
    static RulesVersion feedSilence(String version, String window, long at) {
        return of(
                version,
                "{\"id\": \"silent-110\", \"kind\": \"FEED_SILENCE\", \"severity\": \"CRITICAL\","
                        + " \"level\": \"CITY\", \"source\": \"110\", \"window\": \""
                        + window
                        + "\"}",
                at);
    }

    private static RulesVersion of(String version, String rule, long at) {
        return new RulesVersion(
                version, "{\"version\": \"" + version + "\", \"rules\": [" + rule + "]}", at);
    }
}
