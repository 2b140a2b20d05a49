package org.pingzhi.bench;

import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code pingzhi bench replay}: the replay's throughput against the parse ceiling of the same
 * input, the replay JVM's peak RSS and the lifecycle state per open incident, in one run.
 */
public final class BenchCommand {

    private BenchCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
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
            ReplayRun.Result replay = ReplayRun.run(input, arguments.work(), arguments.heap());
            err.println("bench: " + replay.summary());
            err.println("bench: measuring the state per open incident ...");
            StateFootprint.Result state = StateFootprint.measure(input, arguments.work());
            out.print(
                    BenchReport.table(
                            arguments.heap(),
                            ceiling,
                            replay,
                            state,
                            Runtime.getRuntime().availableProcessors()));
            return 0;
        } catch (Exception e) {
            err.println("pingzhi bench failed: " + e);
            return 1;
        }
    }
}
