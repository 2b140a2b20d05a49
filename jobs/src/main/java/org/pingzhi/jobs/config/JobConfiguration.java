package org.pingzhi.jobs.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.pingzhi.common.privacy.PrivacyOptions;

/**
 * Reads a job's configuration from its command line: {@code --config FILE} (Java properties, {@code
 * key=value} or {@code key: value} lines) and {@code --conf KEY=VALUE} (repeatable, wins over the
 * file). Secrets are better kept off command lines, so the caller-key secret may also come from the
 * environment variable {@value #CALLER_KEY_SECRET_VARIABLE}.
 */
public final class JobConfiguration {

    public static final String CALLER_KEY_SECRET_VARIABLE = "PINGZHI_CALLER_KEY_SECRET";

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

    private static Map<String, String> readFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> settings.put(key, properties.getProperty(key).trim()));
        return settings;
    }
}
