package org.pingzhi.jobs.graph;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.escalation.EscalationMarks;
import org.pingzhi.jobs.escalation.IncidentEscalationJoin;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentLifecycleFunction;
import org.pingzhi.jobs.normalize.DeadLetterSplit;

/**
 * The command-center graph between its edges, the one definition of live and replay: both sources'
 * normalized records in (accepted events or dead letters, see {@link
 * org.pingzhi.jobs.normalize.NormalizedRecords}), typed streams out, and the documents they render
 * to. The sources normalize and assign event time themselves, per partition. Live (Kafka,
 * Elasticsearch) and replay (files) attach different edges to this one graph; nothing in here knows
 * which one it is running in.
 *
 * <p>unified events → keyBy incident → lifecycle (incident changes, SLA decisions, alerts) → keyBy
 * incident → join with the escalations later stages find (none yet: an empty stream) → render.
 */
public final class CommandCenterGraph {

    private CommandCenterGraph() {}

    public static CommandCenterStreams build(
            DataStream<Either<UnifiedEvent, DeadLetter>> hotline,
            DataStream<Either<UnifiedEvent, DeadLetter>> police,
            CommandCenterSettings settings) {
        SingleOutputStreamOperator<UnifiedEvent> hotlineEvents =
                accepted(hotline, Source.HOTLINE_12345);
        SingleOutputStreamOperator<UnifiedEvent> policeEvents = accepted(police, Source.POLICE_110);
        // Each source's watermark is the minimum over its partitions; the lifecycle sees the
        // slower source, so a backlog on one topic is not turned into late records by the other.
        DataStream<UnifiedEvent> events = hotlineEvents.union(policeEvents);

        SingleOutputStreamOperator<IncidentChange> lifecycle =
                events.keyBy(UnifiedEvent::incidentId)
                        .process(
                                new IncidentLifecycleFunction(
                                        settings.slaPolicy(), settings.lifecycle()))
                        .uid(IncidentLifecycleFunction.UID)
                        .name(IncidentLifecycleFunction.NAME);

        SingleOutputStreamOperator<IncidentChange> changes =
                lifecycle
                        .keyBy(IncidentChange::incidentId)
                        .connect(noEscalations(hotline).keyBy(EscalationMarks::incidentId))
                        .process(new IncidentEscalationJoin(0L))
                        .uid(IncidentEscalationJoin.UID)
                        .name(IncidentEscalationJoin.NAME);

        DataStream<DeadLetter> deadLetters =
                hotlineEvents
                        .getSideOutput(DeadLetterSplit.DEAD_LETTERS)
                        .union(
                                policeEvents.getSideOutput(DeadLetterSplit.DEAD_LETTERS),
                                lifecycle.getSideOutput(IncidentLifecycleFunction.DEAD_LETTERS));

        DataStream<Document> documents =
                changes.map(IncidentChange::render).uid("render-documents").name("Documents");

        return new CommandCenterStreams(
                events,
                changes,
                changes.getSideOutput(IncidentEscalationJoin.SLA_DECISIONS),
                changes.getSideOutput(IncidentEscalationJoin.ALERTS),
                deadLetters,
                documents);
    }

    /**
     * The escalations found by rules: none until rules exist (issue 9). Flink has no empty source
     * (an empty {@code fromData} fails), so one number is generated and dropped.
     */
    private static DataStream<EscalationMarks> noEscalations(DataStream<?> any) {
        return any.getExecutionEnvironment()
                .fromSequence(0, 0)
                .uid("escalations-none")
                .name("Escalations by rules (none)")
                .flatMap((Long number, Collector<EscalationMarks> none) -> {})
                .returns(EscalationMarks.class)
                .uid("escalations-none-dropped")
                .name("Escalations by rules (none)");
    }

    private static SingleOutputStreamOperator<UnifiedEvent> accepted(
            DataStream<Either<UnifiedEvent, DeadLetter>> normalized, Source source) {
        return normalized
                .process(new DeadLetterSplit(source))
                .uid("dead-letter-split-" + source.defaultTopic())
                .name("Dead letters " + source.code());
    }
}
