package org.pingzhi.dispatch.job;

import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.pingzhi.dispatch.alert.AlertDocumentAdapter;

/**
 * The dispatch job's graph: alerts and acknowledgements from Kafka, read and checked; the roster
 * control (published rosters validated, broadcast); the dispatch function keyed by alertId;
 * delivery (async I/O, parallelism 1: the robots' limits are counted in one place); the audit of
 * acknowledgements and rosters in force; dead letters. Operator uids are stable: state is restored
 * by them.
 */
public final class DispatchGraph {

    /** Notifications in flight in the delivery operator (held for a digest or retried). */
    static final int DELIVERY_CAPACITY = 1000;

    private DispatchGraph() {}

    /** Wires the job; returns how each delivery ended, for the caller to sink. */
    public static SingleOutputStreamOperator<DeliveryReport> build(
            StreamExecutionEnvironment env, Configuration configuration) {
        DispatchSettings settings = DispatchSettings.of(configuration);
        SingleOutputStreamOperator<DispatchInput> alerts =
                env.fromSource(
                                DispatchKafka.source(configuration, DispatchOptions.ALERTS_TOPIC),
                                WatermarkStrategy.noWatermarks(),
                                "alerts")
                        .uid("dispatch-alerts-source")
                        .process(
                                new ParseFunction<>(
                                        json ->
                                                DispatchInput.alert(
                                                        AlertDocumentAdapter.fromJson(json))))
                        .returns(DispatchInput.class)
                        .uid("dispatch-read-alerts")
                        .name("read alerts");
        SingleOutputStreamOperator<DispatchInput> acks =
                env.fromSource(
                                DispatchKafka.source(configuration, DispatchOptions.ACKS_TOPIC),
                                WatermarkStrategy.noWatermarks(),
                                "acknowledgements")
                        .uid("dispatch-acks-source")
                        .process(
                                new ParseFunction<>(
                                        json -> DispatchInput.ack(AckMessages.parse(json))))
                        .returns(DispatchInput.class)
                        .uid("dispatch-read-acks")
                        .name("read acknowledgements");
        SingleOutputStreamOperator<RosterVersion> rosters =
                env.fromSource(
                                DispatchKafka.rosterSource(configuration),
                                WatermarkStrategy.noWatermarks(),
                                "roster control")
                        .uid("dispatch-roster-source")
                        .keyBy(record -> RosterControlFunction.KEY, Types.STRING)
                        .process(new RosterControlFunction(settings))
                        .uid("dispatch-roster-control")
                        .name("roster control (validate)");
        alerts.getSideOutput(DispatchOutputs.DEAD_LETTERS)
                .union(
                        acks.getSideOutput(DispatchOutputs.DEAD_LETTERS),
                        rosters.getSideOutput(DispatchOutputs.DEAD_LETTERS))
                .sinkTo(DispatchKafka.deadLetterSink(configuration))
                .uid("dispatch-dead-letters")
                .name("dead letters");

        SingleOutputStreamOperator<DeliveryRequest> requests =
                alerts.union(acks)
                        .keyBy(DispatchInput::alertId)
                        .connect(rosters.broadcast(DispatchStateDescriptors.ROSTER_IN_FORCE))
                        .process(new DispatchFunction(settings))
                        .uid("dispatch-function")
                        .name("dispatch");

        long deliveryTimeout = configuration.get(DispatchOptions.DELIVERY_TIMEOUT).toMillis();
        audit(
                requests.getSideOutput(DispatchOutputs.ACKS_SEEN),
                new AuditFunction<>(settings, NotificationLedger::acknowledged),
                deliveryTimeout,
                "dispatch-ack-audit",
                "audit acknowledgements");
        audit(
                requests.getSideOutput(DispatchOutputs.ROSTERS_IN_FORCE),
                new AuditFunction<>(settings, NotificationLedger::rosterInForce),
                deliveryTimeout,
                "dispatch-roster-audit",
                "audit rosters in force");
        return AsyncDataStream.unorderedWait(
                        requests,
                        new DeliveryFunction(settings),
                        deliveryTimeout,
                        TimeUnit.MILLISECONDS,
                        DELIVERY_CAPACITY)
                .setParallelism(1)
                .uid("dispatch-delivery")
                .name("deliver");
    }

    private static <T> void audit(
            DataStream<T> items,
            AuditFunction<T> function,
            long timeoutMillis,
            String uid,
            String name) {
        AsyncDataStream.unorderedWait(
                        items, function, timeoutMillis, TimeUnit.MILLISECONDS, DELIVERY_CAPACITY)
                .uid(uid)
                .name(name)
                .sinkTo(new DiscardingSink<>())
                .uid(uid + "-done")
                .name(name + ": done");
    }
}
