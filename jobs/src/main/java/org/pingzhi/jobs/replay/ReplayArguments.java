package org.pingzhi.jobs.replay;

import java.nio.file.Path;
import java.util.Map;
import org.pingzhi.jobs.config.CommandLineValues;
import org.pingzhi.jobs.config.JobConfiguration;
import org.pingzhi.jobs.config.UsageException;

/**
 * The command line of {@code pingzhi replay}.
 *
 * @param hotline the 12345 JSONL file
 * @param police the 110 JSONL file
 * @param outputDirectory where the output files go
 * @param policy an SLA policy file, or null for the shipped default (600 s for every incident)
 * @param rules a rules file (contract rules.md), or null for none: the replay is then the SLA only
 * @param parallelism the job's parallelism
 * @param configuration the job options ({@code --config}, {@code --conf}, the environment)
 */
public record ReplayArguments(
        Path hotline,
        Path police,
        Path outputDirectory,
        Path policy,
        Path rules,
        int parallelism,
        Map<String, String> configuration) {

    public static final String USAGE =
            String.join(
                    "\n",
                    "Usage: pingzhi replay --hotline FILE --police FILE --out DIR [options]",
                    "",
                    "Runs the command-center job bounded over JSONL files of the two input"
                            + " topics, in event time only,",
                    "and writes incidents.jsonl, sla-events.jsonl, alerts.jsonl, metrics.jsonl"
                            + " and deadletter.jsonl into DIR.",
                    "",
                    "  --hotline FILE      12345 work-order events (topic hotline-12345)",
                    "  --police FILE       110 alarm events (topic police-110)",
                    "  --out DIR           output directory (created if missing)",
                    "  --policy FILE       SLA policy (JSON); default: 600 s for every incident",
                    "  --rules FILE        windowed rules (JSON, contract rules.md); default: none",
                    "  --parallelism N     job parallelism (default 2)",
                    JobConfiguration.USAGE_LINES);

    /**
     * @param environment the process environment (the caller-key secret)
     */
    public static ReplayArguments parse(Map<String, String> environment, String... args)
            throws UsageException {
        Path hotline = null;
        Path police = null;
        Path out = null;
        Path policy = null;
        Path rules = null;
        int parallelism = 2;
        JobConfiguration options = new JobConfiguration();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException("");
            }
            String value = CommandLineValues.valueAfter(args, i++);
            if (options.take(flag, value)) {
                continue;
            }
            switch (flag) {
                case "--hotline" -> hotline = Path.of(value);
                case "--police" -> police = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--policy" -> policy = Path.of(value);
                case "--rules" -> rules = Path.of(value);
                case "--parallelism" ->
                        parallelism = CommandLineValues.positiveInt(flag, value, 1024);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        requireFlag(hotline, "--hotline FILE");
        requireFlag(police, "--police FILE");
        requireFlag(out, "--out DIR");
        return new ReplayArguments(
                hotline, police, out, policy, rules, parallelism, options.settings(environment));
    }

    /** The same replay with {@code rules} into {@code outputDirectory}. */
    public ReplayArguments with(Path outputDirectory, Path rules) {
        return new ReplayArguments(
                hotline, police, outputDirectory, policy, rules, parallelism, configuration);
    }

    private static void requireFlag(Object value, String flag) throws UsageException {
        if (value == null) {
            throw new UsageException(flag + " is required");
        }
    }
}
