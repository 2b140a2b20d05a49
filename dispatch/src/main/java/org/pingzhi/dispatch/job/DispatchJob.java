package org.pingzhi.dispatch.job;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The alert-dispatch job: {@code flink run … --config FILE --conf K=V}, or {@code ./pingzhi
 * dispatch} on an embedded Flink.
 */
public final class DispatchJob {

    public static final String JOB_NAME = "pingzhi-dispatch";

    /**
     * Unless {@code execution.buffer-timeout.interval} is set: a page crosses the network exchange
     * into the dispatch function and the one into delivery, each holding a buffer that is not full
     * for up to this long (Flink's default 100 ms). Alerts are few; a backlog fills buffers first.
     */
    private static final Duration BUFFER_TIMEOUT = Duration.ofMillis(10);

    private static final Duration TEMPLATE_TIMEOUT = Duration.ofSeconds(30);

    private DispatchJob() {}

    public static void main(String[] args) throws Exception {
        Configuration configuration;
        try {
            configuration = DispatchCommandLine.parse(args, System.getenv());
        } catch (DispatchCommandLine.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("pingzhi dispatch: " + e.getMessage());
            }
            System.err.print(DispatchCommandLine.USAGE);
            System.exit(2);
            return;
        }
        installIndexTemplate(configuration);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        wire(env, configuration);
        env.execute(JOB_NAME);
    }

    /**
     * Installs (or updates) the template of the ledger and audit index ({@code
     * pingzhi.dispatch.notifications-index}) and makes the index by it unless it exists, so that
     * the first page does not wait for its creation; safe at every start.
     */
    public static void installIndexTemplate(Configuration configuration) throws Exception {
        try (NotificationLedger ledger = DispatchSettings.of(configuration).ledger()) {
            ledger.installTemplate()
                    .thenCompose(installed -> ledger.createIndexIfMissing())
                    .get(TEMPLATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The job's graph on {@code env}, checkpointed and flushed as the options say. */
    public static void wire(StreamExecutionEnvironment env, Configuration configuration) {
        enableCheckpointing(env, configuration);
        env.setBufferTimeout(
                configuration
                        .getOptional(ExecutionOptions.BUFFER_TIMEOUT)
                        .orElse(BUFFER_TIMEOUT)
                        .toMillis());
        DispatchGraph.build(env, configuration)
                .sinkTo(new DiscardingSink<>())
                .setParallelism(1)
                .uid("dispatch-delivery-reports")
                .name("delivery reports");
    }

    /** Checkpointing as the options say: the dispatch state and the in-flight deliveries. */
    private static void enableCheckpointing(
            StreamExecutionEnvironment env, Configuration configuration) {
        env.enableCheckpointing(
                configuration.get(DispatchOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
    }
}
