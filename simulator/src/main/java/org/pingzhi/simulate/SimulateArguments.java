package org.pingzhi.simulate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@code pingzhi simulate}, with its defaults resolved.
 *
 * @param bootstrapServers the Kafka to produce to, or null when writing files
 * @param outputDirectory where to write the JSONL files, or null when producing to Kafka
 * @param hotlineTopic the 12345 topic
 * @param policeTopic the 110 topic
 * @param kafkaProperties further Kafka producer properties (override the defaults)
 * @param settings what to simulate
 * @param speed how many times real time; {@code Double.POSITIVE_INFINITY} for as fast as possible
 * @param paceFromStart whether the pacing clock starts at the simulated start (the start is "now")
 *     rather than at launch
 */
public record SimulateArguments(
        String bootstrapServers,
        Path outputDirectory,
        String hotlineTopic,
        String policeTopic,
        Map<String, String> kafkaProperties,
        SimulationSettings settings,
        double speed,
        boolean paceFromStart) {

    /** Where files start by default: a fixed day, so that replays of the files are comparable. */
    public static final Instant DEFAULT_FILE_START = Instant.parse("2026-11-27T16:00:00Z");

    public static final Duration DEFAULT_FILE_DURATION = Duration.ofHours(24);

    public static final String USAGE =
            String.join(
                    "\n",
                    "Usage: pingzhi simulate (--bootstrap-servers HOST:PORT | --out DIR) [options]",
                    "",
                    "Produces realistic Pinghu traffic in the two upstream formats: to the Kafka"
                            + " topics",
                    "hotline-12345 and police-110, or to the files hotline-12345.jsonl and"
                            + " police-110.jsonl in DIR.",
                    "Same seed, start and options: the same records, byte for byte.",
                    "",
                    "  --bootstrap-servers HOST:PORT  produce to this Kafka",
                    "  --out DIR                      write JSONL files into DIR instead (created"
                            + " if missing)",
                    "  --hotline-topic NAME           12345 topic (default hotline-12345)",
                    "  --police-topic NAME            110 topic (default police-110)",
                    "  --kafka-property KEY=VALUE     any Kafka producer property, repeatable",
                    "                                 (e.g. security.protocol=SASL_SSL; the SASL"
                            + " login goes in a JAAS file",
                    "                                 only you can read, named by"
                            + " PINGZHI_JAVA_OPTS=-Djava.security.auth.login.config=FILE)",
                    "  --seed N                       randomness (default 1)",
                    "  --speed N|max                  N times real time (default 1 for Kafka, max"
                            + " for files);",
                    "                                 to Kafka never ahead of the wall clock: N"
                            + " times while",
                    "                                 behind it (--start in the past), then real"
                            + " time",
                    "  --start ISO-INSTANT            simulated start, e.g."
                            + " 2026-11-28T00:00:00+08:00",
                    "                                 (default: now, to the minute, for Kafka;",
                    "                                 2026-11-28T00:00:00+08:00 for files)",
                    "  --duration ISO-DURATION        simulated time, e.g. PT24H (default: no end"
                            + " for Kafka,",
                    "                                 PT24H for files unless --records is given)",
                    "  --records N                    stop after N records",
                    "  --incidents-per-day N          daily volume, both sources (default 1500)");

    /** Thrown for a command line that cannot be run; its message says what is wrong. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public boolean toKafka() {
        return bootstrapServers != null;
    }

    /**
     * @param clock the wall clock, for the default start of a Kafka run
     */
    public static SimulateArguments parse(Clock clock, String... args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> kafkaProperties = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException("");
            }
            if (!FLAGS.contains(" " + flag + " ")) {
                throw new UsageException("unknown option " + flag);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            if (flag.equals("--kafka-property")) {
                putProperty(kafkaProperties, value);
            } else if (values.put(flag, value) != null) {
                throw new UsageException(flag + " is given twice");
            }
        }
        String bootstrap = values.get("--bootstrap-servers");
        String out = values.get("--out");
        if ((bootstrap == null) == (out == null)) {
            throw new UsageException(
                    "give exactly one of --bootstrap-servers HOST:PORT and --out DIR");
        }
        boolean kafka = bootstrap != null;
        if (!kafka
                && (values.containsKey("--hotline-topic")
                        || values.containsKey("--police-topic")
                        || !kafkaProperties.isEmpty())) {
            throw new UsageException("topic names and Kafka properties need --bootstrap-servers");
        }
        String startText = values.get("--start");
        Instant start =
                startText != null
                        ? instant(startText)
                        : kafka
                                ? clock.instant().truncatedTo(ChronoUnit.MINUTES)
                                : DEFAULT_FILE_START;
        String recordsText = values.get("--records");
        String durationText = values.get("--duration");
        Duration duration =
                durationText != null
                        ? duration(durationText)
                        : kafka || recordsText != null ? null : DEFAULT_FILE_DURATION;
        SimulationSettings settings =
                new SimulationSettings(
                        longValue("--seed", values.getOrDefault("--seed", "1")),
                        start,
                        duration,
                        recordsText == null
                                ? Long.MAX_VALUE
                                : positiveLong("--records", recordsText),
                        positiveNumber(
                                "--incidents-per-day",
                                values.getOrDefault(
                                        "--incidents-per-day",
                                        Double.toString(
                                                SimulationSettings.DEFAULT_INCIDENTS_PER_DAY))));
        return new SimulateArguments(
                bootstrap,
                out == null ? null : Path.of(out),
                values.getOrDefault("--hotline-topic", "hotline-12345"),
                values.getOrDefault("--police-topic", "police-110"),
                Map.copyOf(kafkaProperties),
                settings,
                speed(values.getOrDefault("--speed", kafka ? "1" : "max")),
                kafka && startText == null);
    }

    private static final String FLAGS =
            " --bootstrap-servers --out --hotline-topic --police-topic --kafka-property --seed"
                    + " --speed --start --duration --records --incidents-per-day ";

    private static void putProperty(Map<String, String> properties, String keyValue)
            throws UsageException {
        int equals = keyValue.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("--kafka-property takes KEY=VALUE, not '" + keyValue + "'");
        }
        properties.put(keyValue.substring(0, equals), keyValue.substring(equals + 1));
    }

    private static Instant instant(String text) throws UsageException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException(
                    "--start takes an ISO-8601 instant with offset, e.g."
                            + " 2026-11-28T00:00:00+08:00, not '"
                            + text
                            + "'");
        }
    }

    private static Duration duration(String text) throws UsageException {
        try {
            Duration duration = Duration.parse(text);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new UsageException(
                "--duration takes a positive ISO-8601 duration, e.g. PT24H or P7D, not '"
                        + text
                        + "'");
    }

    private static double speed(String text) throws UsageException {
        return text.equals("max") ? Double.POSITIVE_INFINITY : positiveNumber("--speed", text);
    }

    private static long longValue(String flag, String text) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " takes a whole number, not '" + text + "'");
        }
    }

    private static long positiveLong(String flag, String text) throws UsageException {
        long value = longValue(flag, text);
        if (value <= 0) {
            throw new UsageException(flag + " takes a positive whole number, not '" + text + "'");
        }
        return value;
    }

    private static double positiveNumber(String flag, String text) throws UsageException {
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " takes a positive number, not '" + text + "'");
    }
}
