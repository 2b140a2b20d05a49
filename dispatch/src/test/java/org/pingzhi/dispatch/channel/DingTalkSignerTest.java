package org.pingzhi.dispatch.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DingTalkSignerTest {

    static final String SECRET =
            "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";
    static final long TIMESTAMP = 1764295200002L;

    /**
     * Computed outside Java from DingTalk's definition (Python: base64(hmac.new(secret,
     * f"{ts}\n{secret}", sha256)), then urllib.parse.quote_plus); chosen to hold "+" and "/".
     */
    static final String SIGN = "uwfvJmq4tSxXvK2x4onebeJOtFwA+7e/cErMB19KCjM=";

    static final String SIGN_URL_ENCODED = "uwfvJmq4tSxXvK2x4onebeJOtFwA%2B7e%2FcErMB19KCjM%3D";

    @Test
    void signsAsDingTalkDefinesIt() {
        assertThat(DingTalkSigner.sign(SECRET, TIMESTAMP)).isEqualTo(SIGN);
    }

    @Test
    void appendsTimestampAndUrlEncodedSignToTheWebhook() {
        URI webhook = URI.create("https://oapi.dingtalk.com/robot/send?access_token=abc");

        assertThat(DingTalkSigner.signedUrl(webhook, SECRET, TIMESTAMP))
                .hasToString(
                        "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp="
                                + TIMESTAMP
                                + "&sign="
                                + SIGN_URL_ENCODED);
    }
}
