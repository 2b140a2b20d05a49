package org.pingzhi.dispatch.roster;

import java.util.Objects;

/**
 * A duty officer.
 *
 * @param id the roster's id, also the {@code who} of an acknowledgement (never the mobile)
 * @param name for the roster's readers; no message carries it
 * @param mobile used for DingTalk's @-mention only
 */
public record Person(String id, String name, String mobile) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mobile, "mobile");
    }

    /** Never the mobile: a person may be named in a log line. */
    @Override
    public String toString() {
        return "Person[" + id + "]";
    }
}
