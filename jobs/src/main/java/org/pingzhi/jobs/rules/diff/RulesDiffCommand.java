package org.pingzhi.jobs.rules.diff;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.common.rules.InvalidRulesException;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.config.RulesOptions;
import org.pingzhi.jobs.config.UsageException;
import org.pingzhi.jobs.replay.ReplayArguments;
import org.pingzhi.jobs.replay.ReplayCommand;
import org.pingzhi.jobs.replay.ReplayFilesSink;
import org.pingzhi.jobs.replay.ReplayJob;
import org.pingzhi.jobs.replay.ReplaySummary;

/**
 * {@code pingzhi rules diff}: the same history replayed once with each of two rules files, by the
 * engine {@code pingzhi replay --rules} runs, and the rules' alerts compared per rule, so that a
 * change of rules is tried before it goes live.
 */
public final class RulesDiffCommand {

    static final String COMMAND = "pingzhi rules diff";

    private RulesDiffCommand() {}

    /**
     * Returns the process exit code: 0 compared, 1 a replay failed or an input cannot be read, 2 a
     * bad command line or a rules file that cannot be read or is not valid.
     *
     * @param args the command line after {@code pingzhi rules}, starting with {@code diff}
     */
    public static int run(
            String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        RulesDiffArguments arguments;
        try {
            arguments = RulesDiffArguments.parse(environment, args);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println(COMMAND + ": " + e.getMessage());
            }
            err.println(RulesDiffArguments.USAGE);
            return 2;
        }
        // both files judged before anything runs, so one invocation reports every bad file
        String oldProblem = problemOf("OLD", arguments.oldRules());
        String newProblem = problemOf("NEW", arguments.newRules());
        if (!oldProblem.isEmpty() || !newProblem.isEmpty()) {
            err.print(oldProblem + newProblem);
            return 2;
        }
        ReplayArguments history = arguments.history();
        String unreadable =
                ReplayCommand.unreadableInput(COMMAND, "--hotline", history.hotline())
                        + ReplayCommand.unreadableInput(COMMAND, "--police", history.police());
        if (!unreadable.isEmpty()) {
            err.print(unreadable);
            return 1;
        }
        Path work;
        try {
            work = Files.createTempDirectory("pingzhi-rules-diff-");
        } catch (IOException e) {
            err.println(COMMAND + ": cannot create a temporary folder: " + e);
            return 1;
        }
        try {
            Run old = replay(history, "OLD", arguments.oldRules(), work.resolve("old"), err);
            Run now = replay(history, "NEW", arguments.newRules(), work.resolve("new"), err);
            out.println(
                    "rules diff: OLD "
                            + describe(arguments.oldRules(), old.rules())
                            + ", NEW "
                            + describe(arguments.newRules(), now.rules())
                            + ", over "
                            + old.summary().line());
            RulesDiff diff = RulesDiff.compare(old.side(), now.side());
            RulesDiffReport.lines(diff, TownDirectory.standard()).forEach(out::println);
            return 0;
        } catch (Exception e) {
            err.println(COMMAND + " failed: " + ReplayCommand.rootCause(e));
            return 1;
        } finally {
            deleteTree(work, err);
        }
    }

    /** Why a rules file cannot be used, naming the file, the rule and the problem; "" if it can. */
    private static String problemOf(String role, Path file) {
        try {
            RulesOptions.load(file);
            return "";
        } catch (InvalidRulesException e) {
            return COMMAND + ": " + role + " " + e.getMessage() + "\n";
        } catch (UncheckedIOException e) {
            return COMMAND + ": " + role + " " + e.getMessage() + ": " + e.getCause() + "\n";
        }
    }

    private record Run(RulesFile rules, ReplaySummary summary, List<AlertDocument> alerts) {
        RulesDiff.Side side() {
            return new RulesDiff.Side(rules.rules().stream().map(Rule::id).toList(), alerts);
        }
    }

    private static Run replay(
            ReplayArguments history, String role, Path rules, Path output, PrintStream progress)
            throws Exception {
        progress.println(COMMAND + ": replaying with " + role + " " + rules + " into " + output);
        ReplaySummary summary = ReplayJob.run(history.with(output, rules));
        List<AlertDocument> alerts;
        try (Stream<String> lines =
                Files.lines(ReplayFilesSink.fileOf(output, DocumentKind.ALERT))) {
            alerts = lines.map(AlertDocument::parse).toList();
        }
        return new Run(RulesOptions.load(rules), summary, alerts);
    }

    private static String describe(Path file, RulesFile rules) {
        return file + " (version " + rules.version() + ", " + rules.rules().size() + " rules)";
    }

    /** Removes the replays' output: it holds the inputs' records (dead letters in full). */
    private static void deleteTree(Path root, PrintStream err) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println(COMMAND + ": could not delete the temporary folder " + root + ": " + e);
        }
    }
}
