package org.pingzhi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pingzhi replay} over the benchmark input, in a JVM of its own with the given heap, so its
 * wall time and peak RSS are the replay's alone.
 */
final class ReplayRun {

    /** The replay's classpath: the jobs module's, as the launcher runs replay; else this JVM's. */
    static final String CLASSPATH_PROPERTY = "pingzhi.replay.classpath";

    private static final String LOG4J_PROPERTY = "log4j2.configurationFile";

    /** Wall time of the replay JVM, its peak RSS and its summary line. */
    record Result(double seconds, long peakRssMib, String summary) {}

    private ReplayRun() {}

    /**
     * @param rules a rules file for {@code --rules}, or null for a replay without rules
     */
    static Result run(BenchInput input, Path work, String heap, Path rules)
            throws IOException, InterruptedException {
        String suffix = rules == null ? "" : "-rules";
        Path output = work.resolve("output" + suffix);
        BenchInput.deleteRecursively(output);
        Path log = work.resolve("replay" + suffix + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command(input, output, heap, rules))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process replay = builder.start();
        int exitCode;
        long peakRssMib;
        try (PeakRss peak = PeakRss.sample(replay.pid())) {
            exitCode = replay.waitFor();
            peakRssMib = peak.mebibytes();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> lines = Files.readAllLines(log);
        if (exitCode != 0) {
            throw new IOException(
                    "the replay failed (exit " + exitCode + "), see " + log + ": " + last(lines));
        }
        String summary =
                lines.stream().filter(line -> line.startsWith("replay:")).findFirst().orElse("");
        return new Result(seconds, peakRssMib, summary);
    }

    private static List<String> command(BenchInput input, Path output, String heap, Path rules) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        // A Flink job out of heap can hang in its own shutdown instead of exiting: fail fast.
        command.add("-XX:+ExitOnOutOfMemoryError");
        Optional.ofNullable(System.getProperty(LOG4J_PROPERTY))
                .ifPresent(config -> command.add("-D" + LOG4J_PROPERTY + "=" + config));
        command.add("-cp");
        command.add(System.getProperty(CLASSPATH_PROPERTY, System.getProperty("java.class.path")));
        command.add("org.pingzhi.jobs.replay.ReplayCommand");
        command.addAll(
                List.of(
                        "--hotline", input.hotline().toString(),
                        "--police", input.police().toString(),
                        "--out", output.toString()));
        if (rules != null) {
            command.addAll(List.of("--rules", rules.toString()));
        }
        return command;
    }

    private static String last(List<String> lines) {
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
