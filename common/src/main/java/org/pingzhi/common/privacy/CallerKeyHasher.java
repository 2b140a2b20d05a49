package org.pingzhi.common.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.flink.configuration.Configuration;
import org.pingzhi.common.config.DeploymentMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a caller's phone number into {@code callerKey}: the lower-case hex HMAC-SHA256, under a
 * configured secret, of the number's {@linkplain PhoneNumbers#normalize normalized} digits. Repeat
 * callers get the same key; without the secret the key does not lead back to the number.
 *
 * <p>Serializable, to ship inside Flink operators, and thread-safe. The secret never appears in
 * {@link #toString()} or a log line.
 */
public final class CallerKeyHasher implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(CallerKeyHasher.class);

    /**
     * The secret used in {@link DeploymentMode#DEV} when none is configured. It is public, so keys
     * made with it protect nothing: development and tests only.
     */
    public static final String DEV_SECRET = "pingzhi-dev-caller-key-secret-NOT-FOR-PRODUCTION";

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    /**
     * {@link Mac} is neither thread-safe nor serializable: one per thread, rebuilt after reading.
     */
    private final transient ThreadLocal<Mac> macs;

    private CallerKeyHasher(byte[] secret) {
        this.secret = secret.clone();
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail at construction, not on the first record, if the JVM lacks HMAC-SHA256
    }

    /** A hasher with the given secret (non-empty), whatever the mode. */
    public static CallerKeyHasher withSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The caller-key secret must not be empty");
        }
        return new CallerKeyHasher(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The hasher {@link PrivacyOptions} configure.
     *
     * @throws IllegalArgumentException in {@link DeploymentMode#PRODUCTION} when {@link
     *     PrivacyOptions#CALLER_KEY_SECRET} is missing, blank or shorter than {@value
     *     PrivacyOptions#MIN_SECRET_LENGTH} characters, or is the public {@link #DEV_SECRET}
     */
    public static CallerKeyHasher fromConfiguration(Configuration conf) {
        DeploymentMode mode = conf.get(PrivacyOptions.MODE);
        String secret =
                conf.getOptional(PrivacyOptions.CALLER_KEY_SECRET)
                        .filter(s -> !s.isBlank())
                        .orElse(null);
        String key = PrivacyOptions.CALLER_KEY_SECRET.key();
        if (mode == DeploymentMode.PRODUCTION) {
            if (secret == null) {
                throw new IllegalArgumentException(
                        key + " must be set when " + PrivacyOptions.MODE.key() + " is PRODUCTION");
            }
            if (secret.length() < PrivacyOptions.MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException(
                        key
                                + " must be at least "
                                + PrivacyOptions.MIN_SECRET_LENGTH
                                + " characters long in PRODUCTION");
            }
            if (secret.equals(DEV_SECRET)) {
                throw new IllegalArgumentException(
                        key
                                + " is the public development secret, which protects no phone"
                                + " number: set a secret of your own in PRODUCTION");
            }
            return withSecret(secret);
        }
        if (secret == null) {
            LOG.warn(
                    "{} is not set: using the public development secret for callerKey (DEV mode)."
                            + " Keys made with it do not protect phone numbers; set the secret and"
                            + " {}=PRODUCTION for real data.",
                    key,
                    PrivacyOptions.MODE.key());
            return withSecret(DEV_SECRET);
        }
        if (secret.length() < PrivacyOptions.MIN_SECRET_LENGTH) {
            LOG.warn(
                    "{} is shorter than {} characters: accepted in DEV mode only.",
                    key,
                    PrivacyOptions.MIN_SECRET_LENGTH);
        }
        return withSecret(secret);
    }

    /**
     * The caller key of a phone number: 64 lower-case hex characters, or null when the number is
     * null or has no digits.
     */
    public String keyOf(String phone) {
        String normalized = PhoneNumbers.normalize(phone);
        if (normalized == null) {
            return null;
        }
        byte[] digest = macs.get().doFinal(normalized.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    private Object readResolve() {
        return new CallerKeyHasher(secret);
    }

    @Override
    public String toString() {
        return "CallerKeyHasher[" + ALGORITHM + ", secret redacted]";
    }
}
