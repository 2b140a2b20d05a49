package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.util.Objects;

/** Any HTTP endpoint taking a JSON POST whose body is the roster's {@link BodyTemplate}. */
public record GenericWebhook(String name, URI url, BodyTemplate bodyTemplate) implements Channel {

    public GenericWebhook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bodyTemplate, "bodyTemplate");
    }

    /** Never the URL: it may carry a token. */
    @Override
    public String toString() {
        return "GenericWebhook[" + name + "]";
    }
}
