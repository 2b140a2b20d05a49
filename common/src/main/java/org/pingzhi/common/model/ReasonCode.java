package org.pingzhi.common.model;

/**
 * Why a record was rejected: the contract's codes in the order it checks them, then the codes of
 * the job's own stages.
 */
public enum ReasonCode {
    TOO_LARGE,
    INVALID_JSON,
    MISSING_FIELD,
    INVALID_FIELD,
    BAD_TIMESTAMP,
    UNKNOWN_TOWN,
    /**
     * A valid record of an incident the lifecycle no longer knows (neither state nor summary), and
     * older than the summary retention: its incident may be long closed and forgotten, and must not
     * start over from it.
     */
    INCIDENT_EXPIRED,
    /**
     * A rules file published to the control topic that the rules parser rejects (the message names
     * the rule and the problem): the rules in force stay as they are.
     */
    INVALID_RULES,
    /**
     * A duty roster published to the dispatch job's roster control topic that does not validate
     * (the message lists every problem, each naming its entry): the roster in force stays. The dead
     * letter never carries the file, which holds the robots' webhooks and secrets.
     */
    INVALID_ROSTER
}
