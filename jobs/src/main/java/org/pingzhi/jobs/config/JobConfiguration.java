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
 * The job options of every command ({@code pingzhi local}, {@code pingzhi replay}, the job's {@code
 * main}), read the same way: {@code --config FILE} (Java properties, {@code key=value} or {@code
 * key: value} lines) and {@code --conf KEY=VALUE} (repeatable, wins over the file). Secrets are
 * better kept off command lines, so the caller-key secret may also come from the environment
 * variable {@value #CALLER_KEY_SECRET_VARIABLE}. One reading for all, so that a backfill hashes
 * callers with the same secret as the live job.
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

    /** The lines every command's usage text gives for the options it shares with the others. */
    public static final String USAGE_LINES =
            String.join(
                    "\n",
                    "  --config FILE            job options from a properties file (key=value),"
                            + " repeatable",
                    "  --conf KEY=VALUE         a job option, repeatable, wins over --config",
                    "",
                    "Secrets (the caller-key secret, passwords) go in a --config file only you"
                            + " can read, or the",
                    "caller-key secret in the environment variable "
                            + CALLER_KEY_SECRET_VARIABLE
                            + ", never on the command line,",
                    "where other users of the machine can read them.");

    private final Map<String, String> fromFiles = new LinkedHashMap<>();
    private final Map<String, String> fromCommandLine = new LinkedHashMap<>();

    /**
     * Takes {@code --config FILE} or {@code --conf KEY=VALUE}; returns false for any other flag,
     * which the command parses itself.
     */
    public boolean take(String flag, String value) throws UsageException {
        switch (flag) {
            case "--config" -> {
                try {
                    fromFiles.putAll(readFile(Path.of(value)));
                } catch (IOException e) {
                    throw new UsageException("cannot read --config " + value + ": " + e);
                }
                return true;
            }
            case "--conf" -> {
                CommandLineValues.putKeyValue(fromCommandLine, value);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The options given, lowest precedence first: the environment, the {@code --config} files (a
     * later one wins), the {@code --conf} settings.
     */
    public Map<String, String> settings(Map<String, String> environment) {
        Map<String, String> settings = fromEnvironment(environment);
        settings.putAll(fromFiles);
        settings.putAll(fromCommandLine);
        return settings;
    }

    /** The job's own command line ({@code flink run ... [--config FILE] [--conf K=V]}). */
    public static Configuration fromArgs(String[] args, Map<String, String> environment)
            throws UsageException {
        JobConfiguration options = new JobConfiguration();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!options.take(flag, CommandLineValues.valueAfter(args, i++))) {
                throw new UsageException(
                        "unknown option " + flag + " (use --config FILE and --conf KEY=VALUE)");
            }
        }
        return Configuration.fromMap(options.settings(environment));
    }

    /** The settings the environment gives: the caller-key secret, when set. */
    private static Map<String, String> fromEnvironment(Map<String, String> environment) {
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
