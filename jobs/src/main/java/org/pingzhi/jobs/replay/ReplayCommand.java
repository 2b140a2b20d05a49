package org.pingzhi.jobs.replay;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pingzhi.jobs.config.UsageException;

/** {@code pingzhi replay}: the command-center job over history files. */
public final class ReplayCommand {

    private static final String COMMAND = "pingzhi replay";

    private ReplayCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs a replay; returns the process exit code (0 done, 1 failed, 2 bad command line). */
    static int run(
            String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        ReplayArguments arguments;
        try {
            arguments = ReplayArguments.parse(environment, args);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("pingzhi replay: " + e.getMessage());
            }
            err.println(ReplayArguments.USAGE);
            return 2;
        }
        // a long run must not end in an output folder it cannot write
        String unwritable = unwritableOutput(arguments.outputDirectory());
        if (!unwritable.isEmpty()) {
            err.print(unwritable);
            return 1;
        }
        String unreadable =
                unreadableInput(COMMAND, "--hotline", arguments.hotline())
                        + unreadableInput(COMMAND, "--police", arguments.police());
        if (!unreadable.isEmpty()) {
            err.print(unreadable);
            return 1;
        }
        try {
            ReplaySummary summary = ReplayJob.run(arguments);
            out.println(
                    "replay: "
                            + summary.line()
                            + " -> "
                            + arguments.outputDirectory().toAbsolutePath());
            return 0;
        } catch (Exception e) {
            err.println("pingzhi replay failed: " + rootCause(e));
            return 1;
        }
    }

    /** Why {@code command}'s {@code flag} {@code file} cannot be read, or "" when it can. */
    public static String unreadableInput(String command, String flag, Path file) {
        if (Files.isRegularFile(file) && Files.isReadable(file)) {
            return "";
        }
        String why = Files.exists(file) ? "not a readable file" : "no such file";
        return command + ": cannot read " + flag + " " + file + ": " + why + "\n";
    }

    /**
     * Why the output folder cannot be written, or "" when it can: an existing writable folder, or
     * one that can be created because its nearest existing ancestor is a writable folder. Nothing
     * is created yet, so a run refused for its inputs leaves no empty folder behind.
     */
    static String unwritableOutput(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String why;
        if (existing == null) {
            why = "no folder on its path exists";
        } else if (!Files.isDirectory(existing)) {
            why = existing + " is not a folder";
        } else if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            why = existing + " is not writable";
        } else {
            return "";
        }
        return "pingzhi replay: cannot write --out " + folder + ": " + why + "\n";
    }

    /** The failure's message and, when it has one, its root cause. */
    public static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == failure
                ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (caused by " + cause + ")";
    }
}
