package org.pingzhi.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code pingzhi simulate}: realistic Pinghu traffic to Kafka or to replay files. Ctrl-C stops it
 * cleanly: what was sent is flushed.
 */
public final class SimulateCommand {

    private static final long SHUTDOWN_WAIT_SECONDS = 40;

    private SimulateCommand() {}

    public static void main(String[] args) {
        int exitCode = run(args, System.out, System.err, Clock.systemUTC());
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs the simulator; returns the process exit code (0 done, 1 failed, 2 bad command line). */
    public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        SimulateArguments arguments;
        try {
            arguments = SimulateArguments.parse(clock, args);
        } catch (SimulateArguments.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("pingzhi simulate: " + e.getMessage());
            }
            err.println(SimulateArguments.USAGE);
            return 2;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnCtrlC =
                new Thread(() -> stopAndWait(stopRequested, finished), "simulate-stop");
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        try {
            return simulate(arguments, out, clock, stopRequested);
        } catch (IOException | RuntimeException e) {
            err.println("pingzhi simulate failed: " + e.getMessage());
            return 1;
        } finally {
            finished.countDown();
            removeHook(stopOnCtrlC);
        }
    }

    private static int simulate(
            SimulateArguments arguments, PrintStream out, Clock clock, CountDownLatch stopRequested)
            throws IOException {
        SimulationSettings settings = arguments.settings();
        long launchedAt = clock.millis();
        long simulatedStart = settings.start().toEpochMilli();
        Pacer paced =
                new Pacer(
                        simulatedStart,
                        arguments.paceFromStart() ? simulatedStart : launchedAt,
                        arguments.speed());
        // The live job dead-letters event times ahead of the wall clock.
        Pacer pacer = arguments.toKafka() ? paced.notAheadOfWallClock() : paced;
        SimulationRun run =
                new SimulationRun(new TrafficSimulator(settings), pacer, clock, stopRequested, out);
        SentCounts sent;
        try (RecordSink sink =
                arguments.toKafka()
                        ? new KafkaRecordSink(arguments)
                        : new JsonlFilesSink(arguments.outputDirectory())) {
            out.println(
                    "simulate: seed "
                            + settings.seed()
                            + ", from "
                            + SentCounts.clock(simulatedStart)
                            + ", "
                            + pace(arguments.speed())
                            + " -> "
                            + sink.describe());
            sent = run.sendAll(sink);
        }
        double seconds = Math.max(1, clock.millis() - launchedAt) / 1000.0;
        out.println(
                String.format(
                        Locale.ROOT,
                        "simulate: %s, %s; %,d records in %.1f s",
                        stopRequested.getCount() == 0 ? "stopped" : "done",
                        sent.line(run.simulatedNow()),
                        sent.total(),
                        seconds));
        return 0;
    }

    private static String pace(double speed) {
        if (Double.isInfinite(speed)) {
            return "as fast as possible";
        }
        String times =
                speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
        return times + "x real time";
    }

    /** The shutdown hook: asks the run to stop and gives it time to flush. */
    private static void stopAndWait(CountDownLatch stopRequested, CountDownLatch finished) {
        stopRequested.countDown();
        try {
            finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (Ctrl-C): it is waiting for us, nothing to remove
        }
    }
}
