package org.pingzhi.jobs.config;

import java.util.Map;

/** Checked reading of command-line values, with messages that name the flag. */
public final class CommandLineValues {

    private CommandLineValues() {}

    /** The value after {@code args[index]}, or a usage error naming the flag. */
    public static String valueAfter(String[] args, int index) throws UsageException {
        if (index + 1 >= args.length) {
            throw new UsageException(args[index] + " needs a value");
        }
        return args[index + 1];
    }

    public static int positiveInt(String flag, String value, int max) throws UsageException {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                flag + " takes a whole number from 1 to " + max + ", not '" + value + "'");
    }

    /** Puts a {@code KEY=VALUE} setting (as given to {@code --conf}) into {@code settings}. */
    public static void putKeyValue(Map<String, String> settings, String keyValue)
            throws UsageException {
        int equals = keyValue.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("--conf takes KEY=VALUE, not '" + keyValue + "'");
        }
        settings.put(keyValue.substring(0, equals).trim(), keyValue.substring(equals + 1));
    }
}
