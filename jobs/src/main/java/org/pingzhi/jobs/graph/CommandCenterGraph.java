package org.pingzhi.jobs.graph;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.types.Either;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.lifecycle.IncidentLifecycleFunction;
import org.pingzhi.jobs.normalize.DeadLetterSplit;

/**
 * The command-center graph between its edges: both sources' normalized records in (accepted events
 * or dead letters, see {@link org.pingzhi.jobs.normalize.NormalizedRecords}), documents and dead
 * letters out. The sources normalize and assign event time themselves, per partition. Live (Kafka,
 * Elasticsearch) and replay (files) attach different edges to this one graph; nothing in here knows
 * which one it is running in.
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
        SingleOutputStreamOperator<Document> incidentDocuments =
                hotlineEvents
                        .union(policeEvents)
                        .keyBy(UnifiedEvent::incidentId)
                        .process(
                                new IncidentLifecycleFunction(
                                        settings.slaPolicy(), settings.lifecycle()))
                        .uid(IncidentLifecycleFunction.UID)
                        .name(IncidentLifecycleFunction.NAME);

        DataStream<DeadLetter> deadLetters =
                hotlineEvents
                        .getSideOutput(DeadLetterSplit.DEAD_LETTERS)
                        .union(
                                policeEvents.getSideOutput(DeadLetterSplit.DEAD_LETTERS),
                                incidentDocuments.getSideOutput(
                                        IncidentLifecycleFunction.DEAD_LETTERS));

        return new CommandCenterStreams(incidentDocuments, deadLetters);
    }

    private static SingleOutputStreamOperator<UnifiedEvent> accepted(
            DataStream<Either<UnifiedEvent, DeadLetter>> normalized, Source source) {
        return normalized
                .process(new DeadLetterSplit(source))
                .uid("dead-letter-split-" + source.defaultTopic())
                .name("Dead letters " + source.code());
    }
}
