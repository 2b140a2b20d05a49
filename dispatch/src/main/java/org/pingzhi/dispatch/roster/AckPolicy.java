package org.pingzhi.dispatch.roster;

import java.time.Duration;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.Severity;

/**
 * How a severity's alerts are followed up: each notification waits {@code ackTimeout} for an
 * acknowledgement; unacknowledged, the alert is sent again up to {@code resends} times, then (a
 * TOWN alert, when {@code escalateToCity}) to the city's duty.
 */
public record AckPolicy(
        Severity severity, Duration ackTimeout, int resends, boolean escalateToCity) {

    /**
     * The follow-up once the timeout of the {@code sent}-th notification (1 the first) of an alert
     * at {@code level} passed unacknowledged.
     */
    public FollowUp afterTimeout(int sent, AlertLevel level) {
        if (sent < 1) {
            throw new IllegalArgumentException("sent counts notifications from 1: " + sent);
        }
        if (sent <= resends) {
            return FollowUp.RESEND;
        }
        if (sent == resends + 1 && escalateToCity && level == AlertLevel.TOWN) {
            return FollowUp.ESCALATE_TO_CITY;
        }
        return FollowUp.NONE;
    }
}
