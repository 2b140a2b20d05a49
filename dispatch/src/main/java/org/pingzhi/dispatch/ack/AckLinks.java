package org.pingzhi.dispatch.ack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Signed, expiring acknowledgement links, {@code <base>/ack?alert=…&who=…&exp=…&sig=…} (the
 * signature: {@link AckSignature}).
 */
public final class AckLinks {

    private final String base;
    private final AckSignature signature;
    private final Duration validity;

    /**
     * @param base the ack server's public address, e.g. {@code https://ack.pinghu.example}
     * @param validity how long a link stays good
     */
    public AckLinks(URI base, AckSignature signature, Duration validity) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.signature = signature;
        this.validity = validity;
    }

    /**
     * The link for {@code who} to acknowledge {@code alertId}, good until {@code now + validity}.
     */
    public URI link(String alertId, String who, Instant now) {
        long expires = now.plus(validity).getEpochSecond();
        return URI.create(
                base
                        + "/ack?alert="
                        + encode(alertId)
                        + "&who="
                        + encode(who)
                        + "&exp="
                        + expires
                        + "&sig="
                        + signature.sign(alertId, who, expires));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
