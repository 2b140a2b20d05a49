package org.pingzhi.dispatch.delivery;

import java.util.List;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.channel.AlertLinks;

/**
 * One alert to send to one channel, with what its message needs.
 *
 * @param mobiles the duty officers' mobiles, @-mentioned in DingTalk for CRITICAL alerts
 */
public record Notification(AlertNotice notice, AlertLinks links, List<String> mobiles) {

    public Notification {
        mobiles = List.copyOf(mobiles);
    }
}
