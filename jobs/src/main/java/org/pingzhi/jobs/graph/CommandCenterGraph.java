package org.pingzhi.jobs.graph;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.lifecycle.IncidentLifecycleFunction;
import org.pingzhi.jobs.normalize.NormalizeFunction;

/**
 * The command-center graph between its edges: raw records of both sources in, documents and dead
 * letters out. Live (Kafka, Elasticsearch) and replay (files) attach different edges to this one
 * graph; nothing in here knows which one it is running in.
 */
public final class CommandCenterGraph {

    private CommandCenterGraph() {}

    public static CommandCenterStreams build(
            DataStream<RawRecord> hotline,
            DataStream<RawRecord> police,
            CommandCenterSettings settings) {
        SingleOutputStreamOperator<UnifiedEvent> hotlineEvents =
                normalize(hotline, Source.HOTLINE_12345, settings);
        SingleOutputStreamOperator<UnifiedEvent> policeEvents =
                normalize(police, Source.POLICE_110, settings);

        SingleOutputStreamOperator<Document> incidentDocuments =
                inEventTime(hotlineEvents, Source.HOTLINE_12345, settings)
                        .union(inEventTime(policeEvents, Source.POLICE_110, settings))
                        .keyBy(UnifiedEvent::incidentId)
                        .process(
                                new IncidentLifecycleFunction(
                                        settings.slaPolicy(),
                                        settings.lifecycle(),
                                        OutputTags.DEAD_LETTERS))
                        .uid("incident-lifecycle")
                        .name("Incident lifecycle and SLA");

        DataStream<DeadLetter> deadLetters =
                hotlineEvents
                        .getSideOutput(OutputTags.DEAD_LETTERS)
                        .union(
                                policeEvents.getSideOutput(OutputTags.DEAD_LETTERS),
                                incidentDocuments.getSideOutput(OutputTags.DEAD_LETTERS));

        return new CommandCenterStreams(incidentDocuments, deadLetters);
    }

    /**
     * Watermarks per source, before the union: the lifecycle then sees the slower of the two, so a
     * backlog on one topic is not turned into late records by the other topic's progress.
     */
    private static DataStream<UnifiedEvent> inEventTime(
            DataStream<UnifiedEvent> events, Source source, CommandCenterSettings settings) {
        return events.assignTimestampsAndWatermarks(settings.watermarks())
                .uid("event-time-" + source.defaultTopic())
                .name("Event time " + source.code());
    }

    private static SingleOutputStreamOperator<UnifiedEvent> normalize(
            DataStream<RawRecord> raw, Source source, CommandCenterSettings settings) {
        return raw.process(new NormalizeFunction(source, settings.normalizer()))
                .uid("normalize-" + source.defaultTopic())
                .name("Normalize " + source.code());
    }
}
