package org.pingzhi.dispatch.job;

import java.util.List;

/**
 * A channel an alert was sent to, and for whom: what a re-notification and the resolution go to.
 *
 * @param who the person whose acknowledgement link the messages carry (the crew's first)
 * @param mobiles the crew's mobiles
 */
public record PagedChannel(String channel, String who, List<String> mobiles) {

    public PagedChannel {
        mobiles = List.copyOf(mobiles);
    }
}
