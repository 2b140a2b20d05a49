package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.util.Objects;

/**
 * The links a message about one alert carries.
 *
 * @param kibana the alert in Kibana
 * @param acknowledge the signed acknowledgement link of the recipient, null where there is nothing
 *     to acknowledge (a resolved alert, a severity that needs no acknowledgement)
 */
public record AlertLinks(URI kibana, URI acknowledge) {

    public AlertLinks {
        Objects.requireNonNull(kibana, "kibana");
    }
}
