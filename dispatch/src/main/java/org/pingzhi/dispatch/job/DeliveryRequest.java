package org.pingzhi.dispatch.job;

import java.util.List;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.delivery.DeliveryKey;

/**
 * One notification for the delivery stage: an alert state to one channel of the roster. Carries the
 * channel's roster name, never its webhook or secret (those stay out of checkpoints).
 *
 * @param ackLink the recipient's signed acknowledgement link, null when nothing is to be
 *     acknowledged
 * @param mobiles the paged crew's mobiles, for DingTalk's @-mention of CRITICAL alerts
 */
public record DeliveryRequest(
        DeliveryKey key, String channel, AlertNotice notice, String ackLink, List<String> mobiles) {

    public DeliveryRequest {
        mobiles = List.copyOf(mobiles);
    }
}
