package org.pingzhi.dispatch.ack;

/** The verdict on an acknowledgement link. */
public sealed interface AckCheck {

    /** A link this deployment signed, not expired. */
    record Accepted(String alertId, String who) implements AckCheck {}

    /** Anything else; {@code reason} is shown to the person who followed it (Chinese). */
    record Refused(String reason) implements AckCheck {}
}
