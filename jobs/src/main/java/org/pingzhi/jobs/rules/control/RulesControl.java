package org.pingzhi.jobs.rules.control;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.rules.RulesFile;

/**
 * The rules control stream in the graph: control records → {@link RulesControlFunction} → the
 * versions that come into force, broadcast to the rule operators ({@link #broadcast}), the audit
 * documents and the dead letters of rejected files.
 *
 * @param versions the versions that came into force, in order
 * @param auditDocuments {@link org.pingzhi.common.model.DocumentKind#RULE} documents
 * @param deadLetters rejected files
 */
public record RulesControl(
        DataStream<RulesVersion> versions,
        DataStream<Document> auditDocuments,
        DataStream<DeadLetter> deadLetters) {

    public static final TypeInformation<RulesControlRecord> RECORD_TYPE =
            TypeInformation.of(RulesControlRecord.class);

    /**
     * The control stream must not hold back event time where it joins the rule operators (their
     * watermark is the minimum of both inputs'), and its records say nothing about event time: it
     * is always at the end of time.
     */
    private static final WatermarkStrategy<RulesControlRecord> NEVER_HOLDS_BACK =
            WatermarkStrategy.forGenerator(context -> new EndOfTime());

    public static RulesControl of(DataStream<RulesControlRecord> records, RulesFile startFile) {
        SingleOutputStreamOperator<RulesVersion> versions =
                records.assignTimestampsAndWatermarks(NEVER_HOLDS_BACK)
                        .uid("rules-control-watermarks")
                        .name("Rules control: never holds back event time")
                        .keyBy(record -> RulesControlFunction.KEY, Types.STRING)
                        .process(new RulesControlFunction(startFile))
                        .uid(RulesControlFunction.UID)
                        .name(RulesControlFunction.NAME);
        return new RulesControl(
                versions,
                versions.getSideOutput(RulesControlFunction.AUDIT),
                versions.getSideOutput(RulesControlFunction.DEAD_LETTERS));
    }

    /** The versions, broadcast to a rule operator ({@link RulesInForce#DESCRIPTORS}). */
    public BroadcastStream<RulesVersion> broadcast() {
        return versions.broadcast(
                RulesInForce.DESCRIPTORS.toArray(new MapStateDescriptor<?, ?>[0]));
    }

    /**
     * No control records: replay, whose rules are fixed at start ({@code --rules}). Made from a
     * stream of the graph rather than from a source of its own, so nothing starts or ends apart.
     */
    public static <T> DataStream<RulesControlRecord> none(DataStream<T> alongside) {
        return alongside
                .flatMap(new NoRecords<T>())
                .returns(RECORD_TYPE)
                .uid("no-rules-control")
                .name("No rules control");
    }

    private static final class NoRecords<T> implements FlatMapFunction<T, RulesControlRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(T any, Collector<RulesControlRecord> out) {}
    }

    private static final class EndOfTime implements WatermarkGenerator<RulesControlRecord> {
        @Override
        public void onEvent(RulesControlRecord record, long timestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }
}
