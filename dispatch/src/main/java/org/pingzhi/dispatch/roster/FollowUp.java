package org.pingzhi.dispatch.roster;

/** What follows when a notification's acknowledgement timeout passes unacknowledged. */
public enum FollowUp {
    /** Send the alert again to the same recipients. */
    RESEND,
    /** Send it to the city's duty of the same severity. */
    ESCALATE_TO_CITY,
    /** Nothing more: the alert stays in Kibana. */
    NONE
}
