package org.pingzhi.dispatch.delivery;

import java.util.List;

/**
 * The one message to a robot standing in for every item its rate limit held back. A digest of a
 * single item is best sent as that item's own message.
 *
 * @param sendAt when the limiter booked it as sent
 */
public record Digest<T>(String robot, List<T> items, long sendAt) {

    public Digest {
        items = List.copyOf(items);
    }
}
