package org.pingzhi.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import org.pingzhi.simulate.SimulateCommand;

/**
 * The benchmark's input: simulated history in both formats, generated once per record count, seed
 * and start date and then reused.
 */
record BenchInput(Path hotline, Path police) {

    static final long SEED = 42;

    /** A busy county: a million records are about ten simulated days. */
    static final int INCIDENTS_PER_DAY = 27_000;

    /**
     * History, not the future: the normalizer dead-letters event times ahead of the wall clock. A
     * year back leaves room for far larger record counts.
     */
    static LocalDate start(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(365);
    }

    /** The cached input for these records, generated first if it is not there yet. */
    static BenchInput prepare(Path work, long records, Clock clock, PrintStream progress)
            throws IOException {
        String start = start(clock) + "T00:00:00Z";
        Path folder = work.resolve("input-" + records + "-seed" + SEED + "-" + start);
        BenchInput input =
                new BenchInput(
                        folder.resolve("hotline-12345.jsonl"), folder.resolve("police-110.jsonl"));
        if (Files.isDirectory(folder)) {
            return input;
        }
        progress.println("bench: generating " + records + " records into " + folder + " ...");
        // generated aside and moved in whole, so an interrupted generation is never reused
        Path partial = Files.createDirectories(work).resolve(folder.getFileName() + ".partial");
        deleteRecursively(partial);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exitCode =
                SimulateCommand.run(
                        new String[] {
                            "--out", partial.toString(),
                            "--records", Long.toString(records),
                            "--incidents-per-day", Integer.toString(INCIDENTS_PER_DAY),
                            "--seed", Long.toString(SEED),
                            "--start", start
                        },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(errors, true, StandardCharsets.UTF_8),
                        clock);
        if (exitCode != 0) {
            throw new IOException(
                    "the simulator failed: " + errors.toString(StandardCharsets.UTF_8).trim());
        }
        Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        return input;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
