package org.pingzhi.dispatch.job;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;

/**
 * The dispatch job's command line, {@code [--config FILE] [--conf KEY=VALUE]} as the other commands
 * take it: the files' properties, then the {@code --conf} settings over them. The ack secret may
 * come from the environment variable {@value #ACK_SECRET_VARIABLE} instead.
 */
public final class DispatchCommandLine {

    public static final String ACK_SECRET_VARIABLE = "PINGZHI_ACK_SECRET";

    public static final String USAGE =
            "Usage: ./pingzhi dispatch [--config FILE] [--conf KEY=VALUE]\n"
                    + "  --config FILE     options from a properties file (key=value), repeatable\n"
                    + "  --conf KEY=VALUE  an option, repeatable, wins over --config\n"
                    + "Options (dispatch/README.md): "
                    + DispatchOptions.ROSTER_FILE.key()
                    + ", "
                    + DispatchOptions.BOOTSTRAP_SERVERS.key()
                    + ", "
                    + DispatchOptions.ELASTICSEARCH_HOSTS.key()
                    + ", "
                    + DispatchOptions.ACK_BASE_URL.key()
                    + ", "
                    + DispatchOptions.ACK_SECRET.key()
                    + " (in a --config file only you can read, or "
                    + ACK_SECRET_VARIABLE
                    + "), …\n";

    /** A command line that cannot be used; the message says why. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    private DispatchCommandLine() {}

    public static Configuration parse(String[] args, Map<String, String> environment)
            throws UsageException {
        Map<String, String> fromFiles = new LinkedHashMap<>();
        Map<String, String> fromCommandLine = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException("");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--config" -> fromFiles.putAll(read(Path.of(value)));
                case "--conf" -> {
                    int equals = value.indexOf('=');
                    if (equals <= 0) {
                        throw new UsageException("--conf takes KEY=VALUE, not '" + value + "'");
                    }
                    fromCommandLine.put(
                            value.substring(0, equals).trim(), value.substring(equals + 1));
                }
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String secret = environment.get(ACK_SECRET_VARIABLE);
        if (secret != null && !secret.isBlank()) {
            settings.put(DispatchOptions.ACK_SECRET.key(), secret);
        }
        settings.putAll(fromFiles);
        settings.putAll(fromCommandLine);
        Configuration configuration = Configuration.fromMap(settings);
        if (configuration.getOptional(DispatchOptions.ACK_SECRET).isEmpty()) {
            throw new UsageException(
                    DispatchOptions.ACK_SECRET.key()
                            + " (in a --config file) or "
                            + ACK_SECRET_VARIABLE
                            + " must be set to the ack server's signing secret");
        }
        return configuration;
    }

    private static Map<String, String> read(Path file) throws UsageException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UsageException("cannot read --config " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> settings.put(key, properties.getProperty(key).trim()));
        return settings;
    }
}
