package org.pingzhi.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.pingzhi.bench.BenchArguments.UsageException;

/**
 * The command line of {@code pingzhi bench alert-latency}.
 *
 * @param deadlines orders reported, each with a deadline
 * @param spread over how long they are reported
 * @param target the response target of the run's policy: report to deadline
 * @param work the stack's data folder
 */
record AlertLatencyArguments(int deadlines, Duration spread, Duration target, Path work) {

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: pingzhi bench alert-latency [--deadlines N] [--spread SECONDS]"
                            + " [--target SECONDS] [--work DIR]",
                    "  --deadlines N       orders reported live and left unanswered (default 1000)",
                    "  --spread SECONDS    reported evenly over this long (default 120)",
                    "  --target SECONDS    response target of the run's policy (default 30)",
                    "  --work DIR          the local stack's data (default"
                            + " $TMPDIR/pingzhi-bench-latency)",
                    "Starts the local stack (Kafka, Elasticsearch, the live job), reports the",
                    "orders in real time and prints p50/p99 of (TOWN escalation appended to the",
                    "alerts topic - deadline).");

    static AlertLatencyArguments parse(String... args) throws UsageException {
        int deadlines = 1000;
        long spread = 120;
        long target = 30;
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "pingzhi-bench-latency");
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (BenchArguments.isHelp(flag)) {
                throw new UsageException("");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--deadlines" ->
                        deadlines = Math.toIntExact(BenchArguments.positive(flag, value));
                case "--spread" -> spread = BenchArguments.positive(flag, value);
                case "--target" -> target = BenchArguments.positive(flag, value);
                case "--work" -> work = Path.of(value);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        return new AlertLatencyArguments(
                deadlines, Duration.ofSeconds(spread), Duration.ofSeconds(target), work);
    }
}
