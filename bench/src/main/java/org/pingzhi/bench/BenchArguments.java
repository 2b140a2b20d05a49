package org.pingzhi.bench;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The command line of {@code pingzhi bench replay}. */
record BenchArguments(long records, Path work, String heap) {

    static final long DEFAULT_RECORDS = 1_000_000;
    static final String DEFAULT_HEAP = "1g";

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: pingzhi bench replay [--records N] [--work DIR] [--heap SIZE]",
                    "  --records N   simulated records to replay (default 1000000; the input is",
                    "                generated once into DIR and reused)",
                    "  --work DIR    input, output and logs (default $TMPDIR/pingzhi-bench)",
                    "  --heap SIZE   -Xmx of the replay JVM (default 1g)",
                    "Prints replay records/s, the Jackson parse ceiling measured in the same run,",
                    "their ratio, the replay JVM's peak RSS and the lifecycle state per open",
                    "incident (heap and RocksDB snapshots).",
                    "Also: pingzhi bench alert-latency --help");

    private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    /** Thrown for a bad command line; an empty message asks for the usage only. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static BenchArguments parse(String... args) throws UsageException {
        if (args.length == 0 || !args[0].equals("replay")) {
            throw new UsageException(
                    args.length == 0 || isHelp(args[0])
                            ? ""
                            : "unknown benchmark '" + args[0] + "'");
        }
        long records = DEFAULT_RECORDS;
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "pingzhi-bench");
        String heap = DEFAULT_HEAP;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (isHelp(flag)) {
                throw new UsageException("");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--records" -> records = positive(flag, value);
                case "--work" -> work = Path.of(value);
                case "--heap" -> heap = heapSize(value);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        return new BenchArguments(records, work, heap);
    }

    static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    static long positive(String flag, String value) throws UsageException {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the flag
        }
        throw new UsageException(flag + " must be a positive whole number, not '" + value + "'");
    }

    private static String heapSize(String value) throws UsageException {
        if (!HEAP_SIZE.matcher(value).matches()) {
            throw new UsageException(
                    "--heap must be a JVM size like 512m or 1g, not '" + value + "'");
        }
        return value;
    }
}
