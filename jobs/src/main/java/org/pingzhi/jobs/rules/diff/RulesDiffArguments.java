package org.pingzhi.jobs.rules.diff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingzhi.jobs.config.CommandLineValues;
import org.pingzhi.jobs.config.JobConfiguration;
import org.pingzhi.jobs.config.UsageException;
import org.pingzhi.jobs.replay.ReplayArguments;

/**
 * The command line of {@code pingzhi rules diff}: two rules files and the replay options of the
 * history both run over.
 *
 * @param history the replay of the history, without rules or output folder of its own yet
 */
record RulesDiffArguments(Path oldRules, Path newRules, ReplayArguments history) {

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: pingzhi rules diff --hotline FILE --police FILE OLD.json NEW.json"
                            + " [options]",
                    "  replays the history once with each rules file (contracts/rules.md) and"
                            + " prints, per rule,",
                    "  the alerts only OLD or only NEW raises and those both raise differently",
                    "  --hotline FILE      12345 work-order events (JSONL)",
                    "  --police FILE       110 alarm events (JSONL)",
                    "  --policy FILE       SLA policy (JSON); default: 600 s for every incident",
                    "  --parallelism N     replay parallelism (default 2)",
                    JobConfiguration.USAGE_LINES);

    /** Where a replay would write, until each run gets a temporary folder of its own. */
    private static final String NO_OUTPUT_YET = ".";

    /**
     * @param args the command line after {@code pingzhi rules}, starting with {@code diff}
     * @param environment the process environment (the caller-key secret)
     */
    static RulesDiffArguments parse(Map<String, String> environment, String... args)
            throws UsageException {
        if (args.length == 0 || !"diff".equals(args[0])) {
            throw new UsageException("not a diff command line");
        }
        List<Path> rulesFiles = new ArrayList<>();
        List<String> replayArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException("");
            }
            if (arg.equals("--out") || arg.equals("--rules")) {
                throw new UsageException(
                        arg
                                + " is not for a diff: the rules files are OLD.json and NEW.json,"
                                + " the replays' output is temporary");
            }
            if (arg.startsWith("-")) {
                replayArgs.add(arg);
                replayArgs.add(CommandLineValues.valueAfter(args, i++));
            } else {
                rulesFiles.add(Path.of(arg));
            }
        }
        if (rulesFiles.size() != 2) {
            throw new UsageException(
                    "two rules files (OLD.json NEW.json) are needed, not " + rulesFiles.size());
        }
        replayArgs.add("--out");
        replayArgs.add(NO_OUTPUT_YET);
        return new RulesDiffArguments(
                rulesFiles.get(0),
                rulesFiles.get(1),
                ReplayArguments.parse(environment, replayArgs.toArray(String[]::new)));
    }
}
