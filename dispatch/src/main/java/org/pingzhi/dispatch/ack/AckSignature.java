package org.pingzhi.dispatch.ack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.pingzhi.dispatch.signing.HmacSha256;

/**
 * The signature of acknowledgement links ({@link AckLinks}): {@code sig} is the HMAC-SHA256, keyed
 * by the configured secret, of {@code alert + "\n" + who + "\n" + exp}, Base64url without padding;
 * {@code exp} the expiry in epoch seconds. Whoever holds the secret can make links, so it lives
 * where the caller-key secret lives (an owner-only config file).
 */
public final class AckSignature {

    /** The shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 16;

    private final byte[] secret;

    public AckSignature(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "the acknowledgement secret needs at least "
                            + MIN_SECRET_LENGTH
                            + " characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The verdict on a link's raw (still URL-encoded) query at {@code now}. */
    public AckCheck check(String rawQuery, Instant now) {
        Map<String, String> parameters = parameters(rawQuery);
        if (parameters == null) {
            return new AckCheck.Refused("链接格式不正确");
        }
        String alertId = parameters.get("alert");
        String who = parameters.get("who");
        String exp = parameters.get("exp");
        String sig = parameters.get("sig");
        if (alertId == null
                || who == null
                || exp == null
                || sig == null
                || !exp.matches("[0-9]{1,12}")) {
            return new AckCheck.Refused("链接不完整");
        }
        long expires = Long.parseLong(exp);
        byte[] expected = sign(alertId, who, expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
            return new AckCheck.Refused("链接签名无效");
        }
        if (now.getEpochSecond() > expires) {
            return new AckCheck.Refused("链接已过期");
        }
        return new AckCheck.Accepted(alertId, who);
    }

    /** Null when a parameter repeats or is malformed: a link this class made has neither. */
    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                return null;
            }
            try {
                String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                String value =
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (parameters.put(name, value) != null) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return parameters;
    }

    String sign(String alertId, String who, long expires) {
        byte[] mac = HmacSha256.of(secret, alertId + "\n" + who + "\n" + expires);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
