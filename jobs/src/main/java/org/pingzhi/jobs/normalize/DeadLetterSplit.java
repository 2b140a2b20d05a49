package org.pingzhi.jobs.normalize;

import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;

/**
 * Parts one source's normalized records: accepted events go on, dead letters to {@link
 * #DEAD_LETTERS}, never dropped. Counts both per source, the same in live and replay.
 */
public final class DeadLetterSplit
        extends ProcessFunction<Either<UnifiedEvent, DeadLetter>, UnifiedEvent> {

    /** Records that failed their contract, with the reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters") {
                private static final long serialVersionUID = 1L;
            };

    private static final long serialVersionUID = 1L;

    private final Source source;

    private transient Counter recordsIn;
    private transient Map<ReasonCode, Counter> deadLettersByReason;

    public DeadLetterSplit(Source source) {
        this.source = source;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("source", source.code());
        recordsIn = group.counter("recordsIn");
        deadLettersByReason = new EnumMap<>(ReasonCode.class);
        for (ReasonCode reason : ReasonCode.values()) {
            deadLettersByReason.put(
                    reason, group.addGroup("reason", reason.name()).counter("deadLetters"));
        }
    }

    @Override
    public void processElement(
            Either<UnifiedEvent, DeadLetter> record, Context ctx, Collector<UnifiedEvent> out) {
        recordsIn.inc();
        if (record.isLeft()) {
            out.collect(record.left());
        } else {
            DeadLetter deadLetter = record.right();
            deadLettersByReason.get(deadLetter.reason()).inc();
            ctx.output(DEAD_LETTERS, deadLetter);
        }
    }
}
