package org.pingzhi.jobs.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.pingzhi.common.privacy.PrivacyOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a job's configuration from its command line: {@code --config FILE} (Java properties, {@code
 * key=value} or {@code key: value} lines) and {@code --conf KEY=VALUE} (repeatable, wins over the
 * file). Secrets are better kept off command lines, so the caller-key secret may also come from the
 * environment variable {@value #CALLER_KEY_SECRET_VARIABLE}.
 */
public final class JobConfiguration {

    public static final String CALLER_KEY_SECRET_VARIABLE = "PINGZHI_CALLER_KEY_SECRET";

    private static final Logger LOG = LoggerFactory.getLogger(JobConfiguration.class);

    /**
     * Words of option names that hold secrets: the caller-key secret, Elasticsearch's password and
     * API key, Kafka's passwords and SASL login ({@code sasl.jaas.config}).
     */
    private static final List<String> SECRET_WORDS =
            List.of("secret", "password", "api-key", "jaas");

    private JobConfiguration() {}

    public static Configuration fromArgs(String[] args, Map<String, String> environment)
            throws IOException, UsageException {
        Map<String, String> settings = fromEnvironment(environment);
        Map<String, String> fromCommandLine = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = CommandLineValues.valueAfter(args, i++);
            switch (flag) {
                case "--config" -> settings.putAll(readFile(Path.of(value)));
                case "--conf" -> CommandLineValues.putKeyValue(fromCommandLine, value);
                default ->
                        throw new UsageException(
                                "unknown option "
                                        + flag
                                        + " (use --config FILE and --conf KEY=VALUE)");
            }
        }
        settings.putAll(fromCommandLine);
        return Configuration.fromMap(settings);
    }

    /** The settings the environment gives: the caller-key secret, when set. */
    public static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        String secret = environment.get(CALLER_KEY_SECRET_VARIABLE);
        if (secret != null && !secret.isBlank()) {
            settings.put(PrivacyOptions.CALLER_KEY_SECRET.key(), secret);
        }
        return settings;
    }

    /** Whether an option holds a secret (a password, key or login), by its name. */
    private static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /**
     * Secrets belong in a file only its owner reads; one that others may read is named (its secret
     * options too, never their values) in one warning.
     */
    private static void warnIfSecretsReadableByOthers(Path file, Map<String, String> settings)
            throws IOException {
        List<String> secrets =
                settings.keySet().stream().filter(JobConfiguration::isSecret).toList();
        if (secrets.isEmpty()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            LOG.warn(
                    "SECURITY: {} holds {} and other users may read it ({}): chmod 600 it.",
                    file,
                    secrets,
                    PosixFilePermissions.toString(permissions));
        }
    }

    private static Map<String, String> readFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> settings.put(key, properties.getProperty(key).trim()));
        warnIfSecretsReadableByOthers(file, settings);
        return settings;
    }
}
