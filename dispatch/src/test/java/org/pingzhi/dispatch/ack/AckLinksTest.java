package org.pingzhi.dispatch.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AckLinksTest {

    static final String SECRET = "ack-secret-for-tests-0123456789";
    static final Instant NOW = Instant.parse("2026-11-28T02:20:00Z");

    final AckSignature signature = new AckSignature(SECRET);
    final AckLinks links =
            new AckLinks(
                    URI.create("https://ack.pinghu.example/"), signature, Duration.ofHours(12));

    @Test
    void aLinkNamesTheAlertThePersonItsExpiryAndItsSignature() throws Exception {
        URI link =
                links.link("rule:hotspot:330482001|PUBLIC_ORDER:1764295200000", "danghu-day", NOW);

        long exp = NOW.plus(Duration.ofHours(12)).getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                mac.doFinal(
                                        ("rule:hotspot:330482001|PUBLIC_ORDER:1764295200000\n"
                                                        + "danghu-day\n"
                                                        + exp)
                                                .getBytes(StandardCharsets.UTF_8)));
        assertThat(link)
                .hasToString(
                        "https://ack.pinghu.example/ack?alert=rule%3Ahotspot%3A330482001%7CPUBLIC_ORDER%3A1764295200000"
                            + "&who=danghu-day&exp="
                                + exp
                                + "&sig="
                                + sig);
    }

    @Test
    void aLinkItMadeIsAcceptedUntilItExpires() {
        URI link = links.link("sla:INC-1:CITY", "city-day", NOW);

        assertThat(signature.check(link.getRawQuery(), NOW.plus(Duration.ofHours(12))))
                .isEqualTo(new AckCheck.Accepted("sla:INC-1:CITY", "city-day"));
        assertThat(
                        signature.check(
                                link.getRawQuery(), NOW.plus(Duration.ofHours(12)).plusSeconds(1)))
                .isEqualTo(new AckCheck.Refused("链接已过期"));
    }

    @Test
    void aChangedLinkIsRefused() {
        String query = links.link("sla:INC-1:CITY", "city-day", NOW).getRawQuery();

        assertThat(signature.check(query.replace("city-day", "city-night"), NOW))
                .isEqualTo(new AckCheck.Refused("链接签名无效"));
        assertThat(signature.check(query.replaceFirst("exp=[0-9]+", "exp=99999999999"), NOW))
                .isEqualTo(new AckCheck.Refused("链接签名无效"));
        assertThat(new AckSignature("another-secret-0123456789").check(query, NOW))
                .isEqualTo(new AckCheck.Refused("链接签名无效"));
        assertThat(signature.check(query.replaceFirst("&sig=[^&]+", ""), NOW))
                .isEqualTo(new AckCheck.Refused("链接不完整"));
        assertThat(signature.check(query + "&who=city-night", NOW))
                .isEqualTo(new AckCheck.Refused("链接格式不正确"));
        assertThat(signature.check(null, NOW)).isEqualTo(new AckCheck.Refused("链接不完整"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new AckSignature("short")).hasMessageContaining("at least 16");
    }
}
