package org.pingzhi.dispatch.job;

import java.util.List;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.channel.Channel;
import org.pingzhi.dispatch.delivery.DeliveryKey;

/**
 * One notification for the delivery stage: an alert state to one channel of the roster in force
 * when it was routed. Carries the channel itself (webhook, secret), so that delivery needs no
 * roster of its own and a published roster reaches it with the notifications it routed.
 *
 * @param ackLink the recipient's signed acknowledgement link, null when nothing is to be
 *     acknowledged
 * @param mobiles the paged crew's mobiles, for DingTalk's @-mention of CRITICAL alerts
 * @param rosterVersion the version of the roster that routed it ({@link RosterVersion#version})
 * @param routedAt when the dispatch function handed it over (its processing time, epoch
 *     milliseconds): for a follow-up, the instant its timer fired
 */
public record DeliveryRequest(
        DeliveryKey key,
        Channel channel,
        AlertNotice notice,
        String ackLink,
        List<String> mobiles,
        String rosterVersion,
        long routedAt) {

    public DeliveryRequest {
        mobiles = List.copyOf(mobiles);
    }
}
