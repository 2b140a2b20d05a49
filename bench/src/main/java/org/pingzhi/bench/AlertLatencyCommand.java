package org.pingzhi.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingzhi.bench.BenchArguments.UsageException;
import org.pingzhi.local.LocalCommand;

/** {@code pingzhi bench alert-latency}: how long after its deadline an escalation goes out. */
final class AlertLatencyCommand {

    private AlertLatencyCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        AlertLatencyArguments arguments;
        try {
            arguments = AlertLatencyArguments.parse(args);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("pingzhi bench: " + e.getMessage());
            }
            err.println(AlertLatencyArguments.USAGE);
            return 2;
        }
        try {
            AlertLatencyRun.Result result =
                    AlertLatencyRun.run(
                            arguments,
                            Path.of(
                                    System.getProperty(
                                            LocalCommand.ELASTICSEARCH_ZIP_PROPERTY, "")),
                            LocalCommand.kafkaClasspath(),
                            err);
            out.print(table(arguments, result));
            return result.missing() == 0 && result.unpaged() == 0 ? 0 : 1;
        } catch (Exception e) {
            err.println("pingzhi bench failed: " + e);
            return 1;
        }
    }

    static String table(AlertLatencyArguments arguments, AlertLatencyRun.Result result) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("deadlines", BenchReport.number(arguments.deadlines()));
        rows.put("escalations seen", BenchReport.number(result.emission().count()));
        rows.put("missing", BenchReport.number(result.missing()));
        rows.put("paged", BenchReport.number(result.request().count()));
        rows.put("emission - deadline", figures(result.emission()));
        rows.put("robot request - deadline", figures(result.request()));
        rows.put("robot request - emission", figures(result.emissionToRequest()));
        result.stages()
                .stages()
                .forEach((stage, summary) -> rows.put("  " + stage, figures(summary)));
        rows.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return BenchReport.render(rows);
    }

    private static String figures(LatencySummary summary) {
        return "p50 "
                + BenchReport.number(summary.p50())
                + " ms, p99 "
                + BenchReport.number(summary.p99())
                + " ms, max "
                + BenchReport.number(summary.max())
                + " ms";
    }
}
