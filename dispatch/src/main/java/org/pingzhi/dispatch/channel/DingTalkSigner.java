package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.pingzhi.dispatch.signing.HmacSha256;

/**
 * The signature of DingTalk's custom robots ("加签"): the string {@code timestamp + "\n" + secret}
 * signed with HMAC-SHA256 keyed by the secret, Base64-encoded, then URL-encoded into the webhook as
 * {@code &timestamp=…&sign=…}. DingTalk refuses a timestamp more than an hour off its clock, so
 * every attempt is signed anew.
 */
public final class DingTalkSigner {

    private DingTalkSigner() {}

    /** The Base64 signature (before URL encoding) for {@code timestampMillis}. */
    public static String sign(String secret, long timestampMillis) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        String toSign = timestampMillis + "\n" + secret;
        return Base64.getEncoder().encodeToString(HmacSha256.of(key, toSign));
    }

    /** {@code webhook} with {@code timestamp} and the URL-encoded {@code sign} appended. */
    public static URI signedUrl(URI webhook, String secret, long timestampMillis) {
        String separator = webhook.getRawQuery() == null ? "?" : "&";
        return URI.create(
                webhook
                        + separator
                        + "timestamp="
                        + timestampMillis
                        + "&sign="
                        + URLEncoder.encode(sign(secret, timestampMillis), StandardCharsets.UTF_8));
    }
}
