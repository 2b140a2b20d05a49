package org.pingzhi.dispatch.delivery;

import java.io.Serializable;
import java.util.Objects;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.AlertStatus;

/**
 * What makes one notification unique, so that a replayed alert, a restart or a retry never sends
 * the same notification twice: the alert, the round (its opening, its n-th re-notification, its
 * resolution) and the recipient (the channel's roster name: a robot posts to one group, the people
 * are @-mentioned in it). Kept in checkpointed state as {@link #asString()}.
 *
 * @param renotification 0 for the first notification of a round; the n-th re-notification of an
 *     open alert is n
 */
public record DeliveryKey(String alertId, Round round, int renotification, String recipient)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which notification of an alert. */
    public enum Round {
        OPEN,
        RESOLVED
    }

    public DeliveryKey {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(recipient, "recipient");
        if (renotification < 0 || (round == Round.RESOLVED && renotification != 0)) {
            throw new IllegalArgumentException(
                    "re-notification " + renotification + " of round " + round);
        }
    }

    /**
     * The key of notifying {@code recipient} of {@code notice} as it stands (OPEN or RESOLVED), for
     * the {@code renotification}-th time (0 the first).
     *
     * @throws IllegalArgumentException for an ACKED alert: acknowledging is not notified
     */
    public static DeliveryKey of(AlertNotice notice, int renotification, String recipient) {
        if (notice.status() == AlertStatus.ACKED) {
            throw new IllegalArgumentException(
                    "alert " + notice.alertId() + " is ACKED: nobody is notified of that");
        }
        Round round = notice.status() == AlertStatus.OPEN ? Round.OPEN : Round.RESOLVED;
        return new DeliveryKey(notice.alertId(), round, renotification, recipient);
    }

    /**
     * {@code <alertId>|OPEN|<recipient>}, {@code <alertId>|OPEN-2|<recipient>} (the second
     * re-notification), {@code <alertId>|RESOLVED|<recipient>}; a {@code %} in a part is written
     * {@code %25} and a {@code |} {@code %7C}, as the contract writes alert groups, so distinct
     * keys never share a string.
     */
    public String asString() {
        String roundPart = renotification == 0 ? round.name() : round.name() + "-" + renotification;
        return escape(alertId) + "|" + roundPart + "|" + escape(recipient);
    }

    private static String escape(String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }
}
