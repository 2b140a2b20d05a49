package org.pingzhi.common.privacy;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.pingzhi.common.config.DeploymentMode;

/** Configuration of personal-data protection. */
public final class PrivacyOptions {

    /** Shortest caller-key secret production accepts. */
    public static final int MIN_SECRET_LENGTH = 16;

    public static final ConfigOption<DeploymentMode> MODE =
            ConfigOptions.key("pingzhi.mode")
                    .enumType(DeploymentMode.class)
                    .defaultValue(DeploymentMode.DEV)
                    .withDescription(
                            "DEV allows documented development defaults (logged as such);"
                                    + " PRODUCTION refuses to start without the caller-key"
                                    + " secret.");

    public static final ConfigOption<String> CALLER_KEY_SECRET =
            ConfigOptions.key("pingzhi.privacy.caller-key-secret")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Secret of the HMAC-SHA256 that turns a caller's phone number into"
                                    + " callerKey (at least "
                                    + MIN_SECRET_LENGTH
                                    + " characters in PRODUCTION). Changing it changes every"
                                    + " key, so repeat callers no longer match across the"
                                    + " change.");

    private PrivacyOptions() {}
}
