package org.pingzhi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.RulesFileParser;

/**
 * {@code pingzhi bench replay}: the replay's throughput without and with the shipped rules against
 * the parse ceiling of the same input, the replay JVM's peak RSS, the lifecycle state per open
 * incident and the rules' state per group, in one run.
 */
public final class BenchCommand {

    private BenchCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    /** The shipped rules as a file for the replay's {@code --rules}. */
    private static Path shippedRules(BenchArguments arguments) throws IOException {
        try (InputStream in = RulesFile.class.getResourceAsStream(RulesFile.DEFAULT_RESOURCE)) {
            Path file = Files.createDirectories(arguments.work()).resolve("pinghu-rules.json");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    /** Runs a benchmark; returns the process exit code (0 done, 1 failed, 2 bad command line). */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        if (args.length > 0 && args[0].equals("alert-latency")) {
            return AlertLatencyCommand.run(args, out, err);
        }
        BenchArguments arguments;
        try {
            arguments = BenchArguments.parse(args);
        } catch (BenchArguments.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("pingzhi bench: " + e.getMessage());
            }
            err.println(BenchArguments.USAGE);
            return 2;
        }
        try {
            BenchInput input =
                    BenchInput.prepare(arguments.work(), arguments.records(), clock, err);
            err.println("bench: parsing the input (ceiling) ...");
            ParseCeiling.Result ceiling = ParseCeiling.measure(input.hotline(), input.police());
            err.println("bench: replaying in a JVM with -Xmx" + arguments.heap() + " ...");
            ReplayRun.Result replay =
                    ReplayRun.run(input, arguments.work(), arguments.heap(), null);
            err.println("bench: " + replay.summary());
            RulesFile rules = RulesFileParser.loadDefault();
            err.println("bench: replaying again with the rules " + rules.version() + " ...");
            ReplayRun.Result replayWithRules =
                    ReplayRun.run(
                            input, arguments.work(), arguments.heap(), shippedRules(arguments));
            err.println("bench: " + replayWithRules.summary());
            err.println("bench: measuring the state per open incident and per rule group ...");
            List<UnifiedEvent> sample = StateFootprint.sample(input);
            StateFootprint.Result state = StateFootprint.measure(sample, arguments.work());
            RuleStateFootprint.Result ruleState =
                    RuleStateFootprint.measure(
                            sample, rules, arguments.work().resolve("rule-state-footprint"));
            out.print(
                    BenchReport.table(
                            arguments.heap(),
                            ceiling,
                            new BenchReport.Replays(replay, replayWithRules, rules),
                            state,
                            ruleState,
                            Runtime.getRuntime().availableProcessors()));
            return 0;
        } catch (Exception e) {
            err.println("pingzhi bench failed: " + e);
            return 1;
        }
    }
}
