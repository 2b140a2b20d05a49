package org.pingzhi.jobs.normalize;

import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.NormalizeResult;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.jobs.graph.OutputTags;

/**
 * Turns one source's raw records into unified events; what fails its contract goes to the {@link
 * OutputTags#DEAD_LETTERS} side output, never dropped and never failing the job.
 */
public final class NormalizeFunction extends ProcessFunction<RawRecord, UnifiedEvent> {

    private static final long serialVersionUID = 1L;

    private final Source source;
    private final Normalizer normalizer;

    private transient Counter recordsIn;
    private transient Map<ReasonCode, Counter> deadLettersByReason;

    public NormalizeFunction(Source source, Normalizer normalizer) {
        this.source = source;
        this.normalizer = normalizer;
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
    public void processElement(RawRecord record, Context ctx, Collector<UnifiedEvent> out) {
        recordsIn.inc();
        NormalizeResult result = normalizer.normalize(source, record);
        if (result instanceof NormalizeResult.Accepted accepted) {
            out.collect(accepted.event());
        } else if (result instanceof NormalizeResult.Rejected rejected) {
            DeadLetter deadLetter = rejected.deadLetter();
            deadLettersByReason.get(deadLetter.reason()).inc();
            ctx.output(OutputTags.DEAD_LETTERS, deadLetter);
        }
    }
}
