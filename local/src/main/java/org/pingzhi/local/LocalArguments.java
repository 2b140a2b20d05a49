package org.pingzhi.local;

import java.nio.file.Path;
import java.util.Map;
import org.pingzhi.jobs.config.CommandLineValues;
import org.pingzhi.jobs.config.JobConfiguration;
import org.pingzhi.jobs.config.UsageException;

/**
 * The command line of {@code pingzhi local}.
 *
 * @param dataDirectory where the local Kafka, Elasticsearch and checkpoints keep their data
 * @param existingKafka bootstrap servers of a Kafka to use instead of starting one, or null
 * @param existingElasticsearch URL of an Elasticsearch to use instead of starting one, or null
 * @param kafkaPort port of the local broker
 * @param elasticsearchPort HTTP port of the local Elasticsearch
 * @param webUiPort port of the Flink web UI
 * @param simulate whether the traffic simulator runs (in real time: the job dead-letters event
 *     times ahead of the wall clock, so simulated traffic cannot run faster than it)
 * @param incidentsPerDay the simulated county's daily volume
 * @param dispatch whether the alert-dispatch job runs too
 * @param roster the duty roster it pages; null: the local roster, every page to the local webhook
 *     sink, printed
 * @param configuration the job options ({@code --config}, {@code --conf}, the environment)
 */
public record LocalArguments(
        Path dataDirectory,
        String existingKafka,
        String existingElasticsearch,
        int kafkaPort,
        int elasticsearchPort,
        int webUiPort,
        boolean simulate,
        int incidentsPerDay,
        boolean dispatch,
        Path roster,
        Map<String, String> configuration) {

    public static final String USAGE =
            String.join(
                    "\n",
                    "Usage: pingzhi local [options]",
                    "",
                    "Starts Kafka, Elasticsearch, the command-center job on an embedded Flink (web"
                            + " UI) and the traffic simulator; Ctrl-C stops everything.",
                    "",
                    "  --data DIR               data folder, reused by the next run (default"
                            + " .pingzhi/local)",
                    "  --kafka HOST:PORT        use this Kafka instead of starting one",
                    "  --elasticsearch URL      use this Elasticsearch instead of starting one",
                    "  --kafka-port N           port of the local broker (default 9092)",
                    "  --elasticsearch-port N   port of the local Elasticsearch (default 9200)",
                    "  --web-port N             port of the Flink web UI (default 8081)",
                    "  --no-simulator           start no traffic simulator",
                    "  --incidents-per-day N    simulated daily volume, in real time (default"
                            + " 15000)",
                    "  --no-dispatch            start no alert-dispatch job",
                    "  --roster FILE            the duty roster the dispatch job pages (default:"
                        + " one officer per town and the city, every page printed here by a local"
                        + " webhook)",
                    JobConfiguration.USAGE_LINES);

    private static final int MAX_PORT = 65_535;

    /**
     * @param environment the process environment (the caller-key secret)
     */
    public static LocalArguments parse(Map<String, String> environment, String... args)
            throws UsageException {
        Path data = Path.of(".pingzhi", "local");
        String kafka = null;
        String elasticsearch = null;
        int kafkaPort = 9092;
        int elasticsearchPort = 9200;
        int webUiPort = 8081;
        boolean simulate = true;
        int incidentsPerDay = 15_000;
        boolean dispatch = true;
        Path roster = null;
        JobConfiguration options = new JobConfiguration();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException("");
            }
            if (flag.equals("--no-simulator")) {
                simulate = false;
                continue;
            }
            if (flag.equals("--no-dispatch")) {
                dispatch = false;
                continue;
            }
            String value = CommandLineValues.valueAfter(args, i++);
            if (options.take(flag, value)) {
                continue;
            }
            switch (flag) {
                case "--data" -> data = Path.of(value);
                case "--roster" -> roster = Path.of(value);
                case "--kafka" -> kafka = value;
                case "--elasticsearch" -> elasticsearch = value;
                case "--kafka-port" ->
                        kafkaPort = CommandLineValues.positiveInt(flag, value, MAX_PORT);
                case "--elasticsearch-port" ->
                        elasticsearchPort = CommandLineValues.positiveInt(flag, value, MAX_PORT);
                case "--web-port" ->
                        webUiPort = CommandLineValues.positiveInt(flag, value, MAX_PORT);
                case "--incidents-per-day" ->
                        incidentsPerDay = CommandLineValues.positiveInt(flag, value, 1_000_000);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        return new LocalArguments(
                data,
                kafka,
                elasticsearch,
                kafkaPort,
                elasticsearchPort,
                webUiPort,
                simulate,
                incidentsPerDay,
                dispatch,
                roster,
                options.settings(environment));
    }
}
