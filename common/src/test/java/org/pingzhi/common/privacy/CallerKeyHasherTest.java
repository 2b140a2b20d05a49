package org.pingzhi.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.InstantiationUtil;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingzhi.common.config.DeploymentMode;
import org.pingzhi.common.testing.CapturedLog;

class CallerKeyHasherTest {

    private static final String SECRET = "pingzhi-test-secret-0123456789";

    /**
     * {@code printf %s 13757311111 | openssl dgst -sha256 -hmac pingzhi-test-secret-0123456789}.
     */
    private static final String KEY_OF_13757311111 =
            "513859fd24d09e461c8d840c96d88dce6200cb23925af6c9814fedcb82cb31cc";

    /** The same for {@code 057385561234}. */
    private static final String KEY_OF_057385561234 =
            "74f7c13046c2054fdfb4114e54abb6a3213c4c6cf936eeced017fed6ead14434";

    private final CallerKeyHasher hasher = CallerKeyHasher.withSecret(SECRET);

    @Test
    void isTheHexHmacSha256OfTheNormalizedNumber() {
        assertThat(hasher.keyOf("13757311111")).isEqualTo(KEY_OF_13757311111);
        assertThat(hasher.keyOf("0573-85561234")).isEqualTo(KEY_OF_057385561234);
    }

    @ParameterizedTest
    @ValueSource(strings = {"137 5731 1111", "137-5731-1111", "+86 13757311111", "008613757311111"})
    void givesTheSameKeyForEverySpellingOfANumber(String phone) {
        assertThat(hasher.keyOf(phone)).isEqualTo(KEY_OF_13757311111);
    }

    @Test
    void givesDifferentNumbersAndSecretsDifferentKeys() {
        assertThat(hasher.keyOf("13757311112")).isNotEqualTo(KEY_OF_13757311111);
        assertThat(CallerKeyHasher.withSecret(SECRET + "x").keyOf("13757311111"))
                .isNotEqualTo(KEY_OF_13757311111);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "none"})
    void givesNoKeyWithoutANumber(String phone) {
        assertThat(hasher.keyOf(phone)).isNull();
    }

    @Test
    void productionRefusesToStartWithoutASecret() {
        Configuration conf = new Configuration();
        conf.set(PrivacyOptions.MODE, DeploymentMode.PRODUCTION);

        assertThatThrownBy(() -> CallerKeyHasher.fromConfiguration(conf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingzhi.privacy.caller-key-secret")
                .hasMessageContaining("PRODUCTION");
    }

    @Test
    void productionRefusesABlankSecret() {
        Configuration conf =
                Configuration.fromMap(
                        Map.of(
                                "pingzhi.mode", "PRODUCTION",
                                "pingzhi.privacy.caller-key-secret", "   "));

        assertThatThrownBy(() -> CallerKeyHasher.fromConfiguration(conf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingzhi.privacy.caller-key-secret");
    }

    @Test
    void productionRefusesAShortSecretWithoutPrintingIt() {
        Configuration conf = new Configuration();
        conf.set(PrivacyOptions.MODE, DeploymentMode.PRODUCTION);
        conf.set(PrivacyOptions.CALLER_KEY_SECRET, "short-secret-15");

        assertThatThrownBy(() -> CallerKeyHasher.fromConfiguration(conf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 characters")
                .hasMessageNotContaining("short-secret-15");
    }

    @Test
    void productionRefusesThePublicDevelopmentSecret() {
        Configuration conf = new Configuration();
        conf.set(PrivacyOptions.MODE, DeploymentMode.PRODUCTION);
        conf.set(PrivacyOptions.CALLER_KEY_SECRET, CallerKeyHasher.DEV_SECRET);

        assertThatThrownBy(() -> CallerKeyHasher.fromConfiguration(conf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingzhi.privacy.caller-key-secret")
                .hasMessageContaining("public development secret");
    }

    @Test
    void productionUsesTheConfiguredSecret() {
        Configuration conf =
                Configuration.fromMap(
                        Map.of(
                                "pingzhi.mode",
                                "PRODUCTION",
                                "pingzhi.privacy.caller-key-secret",
                                SECRET));

        assertThat(CallerKeyHasher.fromConfiguration(conf).keyOf("13757311111"))
                .isEqualTo(KEY_OF_13757311111);
    }

    @Test
    void devWithoutSecretUsesTheDevSecretAndWarns() {
        List<CapturedLog.Line> lines;
        CallerKeyHasher devHasher;
        try (CapturedLog log = new CapturedLog()) {
            devHasher = CallerKeyHasher.fromConfiguration(new Configuration());
            lines = log.lines();
        }

        assertThat(devHasher.keyOf("13757311111"))
                .isEqualTo(
                        CallerKeyHasher.withSecret(CallerKeyHasher.DEV_SECRET)
                                .keyOf("13757311111"));
        assertThat(lines)
                .filteredOn(line -> line.level() == Level.WARN)
                .singleElement()
                .satisfies(
                        line ->
                                assertThat(line.message())
                                        .contains("pingzhi.privacy.caller-key-secret")
                                        .contains("development secret"));
    }

    @Test
    void devWithASecretUsesItWithoutLoggingIt() {
        Configuration conf = new Configuration();
        conf.set(PrivacyOptions.CALLER_KEY_SECRET, "dev-short");
        List<CapturedLog.Line> lines;
        CallerKeyHasher devHasher;
        try (CapturedLog log = new CapturedLog()) {
            devHasher = CallerKeyHasher.fromConfiguration(conf);
            lines = log.lines();
        }

        assertThat(devHasher.keyOf("13757311111"))
                .isEqualTo(CallerKeyHasher.withSecret("dev-short").keyOf("13757311111"));
        assertThat(lines).isNotEmpty().noneMatch(line -> line.message().contains("dev-short"));
    }

    @Test
    void doesNotShowTheSecretInToString() {
        assertThat(hasher.toString()).doesNotContain(SECRET).contains("redacted");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        CallerKeyHasher copy = InstantiationUtil.clone(hasher);

        assertThat(copy.keyOf("13757311111")).isEqualTo(KEY_OF_13757311111);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> keys =
                    IntStream.range(0, 2000)
                            .mapToObj(
                                    i ->
                                            pool.submit(
                                                    () ->
                                                            hasher.keyOf(
                                                                    i % 2 == 0
                                                                            ? "13757311111"
                                                                            : "0573-85561234")))
                            .toList();
            for (int i = 0; i < keys.size(); i++) {
                assertThat(keys.get(i).get(10, TimeUnit.SECONDS))
                        .isEqualTo(i % 2 == 0 ? KEY_OF_13757311111 : KEY_OF_057385561234);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> CallerKeyHasher.withSecret(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
