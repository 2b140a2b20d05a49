package org.pingzhi.dispatch.job;

import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.pingzhi.dispatch.ack.Acknowledgement;
import org.pingzhi.dispatch.alert.AlertDocumentAdapter;
import org.pingzhi.dispatch.alert.AlertNotice;

/**
 * The dispatch job's graph: alerts and acknowledgements from Kafka, read and checked; the dispatch
 * function keyed by alertId; delivery (async I/O, parallelism 1: the robots' limits are counted in
 * one place); the acknowledgements' audit; dead letters. Operator uids are stable: state is
 * restored by them.
 */
public final class DispatchGraph {

    /** Notifications in flight in the delivery operator (held for a digest or retried). */
    static final int DELIVERY_CAPACITY = 1000;

    private DispatchGraph() {}

    /** Wires the job; returns how each delivery ended, for the caller to sink. */
    public static SingleOutputStreamOperator<DeliveryReport> build(
            StreamExecutionEnvironment env, Configuration configuration) {
        DispatchSettings settings = DispatchSettings.of(configuration);
        SingleOutputStreamOperator<AlertNotice> alerts =
                env.fromSource(
                                DispatchKafka.source(configuration, DispatchOptions.ALERTS_TOPIC),
                                WatermarkStrategy.noWatermarks(),
                                "alerts")
                        .uid("dispatch-alerts-source")
                        .process(new ParseFunction<>(AlertDocumentAdapter::fromJson))
                        .returns(AlertNotice.class)
                        .uid("dispatch-read-alerts")
                        .name("read alerts");
        SingleOutputStreamOperator<Acknowledgement> acks =
                env.fromSource(
                                DispatchKafka.source(configuration, DispatchOptions.ACKS_TOPIC),
                                WatermarkStrategy.noWatermarks(),
                                "acknowledgements")
                        .uid("dispatch-acks-source")
                        .process(new ParseFunction<>(AckMessages::parse))
                        .returns(Acknowledgement.class)
                        .uid("dispatch-read-acks")
                        .name("read acknowledgements");
        alerts.getSideOutput(DispatchOutputs.DEAD_LETTERS)
                .union(acks.getSideOutput(DispatchOutputs.DEAD_LETTERS))
                .sinkTo(DispatchKafka.deadLetterSink(configuration))
                .uid("dispatch-dead-letters")
                .name("dead letters");

        SingleOutputStreamOperator<DeliveryRequest> requests =
                alerts.keyBy(AlertNotice::alertId)
                        .connect(acks.keyBy(Acknowledgement::alertId))
                        .process(new DispatchFunction(settings))
                        .uid("dispatch-function")
                        .name("dispatch");

        long deliveryTimeout = configuration.get(DispatchOptions.DELIVERY_TIMEOUT).toMillis();
        AsyncDataStream.unorderedWait(
                        requests.getSideOutput(DispatchOutputs.ACKS_SEEN),
                        new AckAuditFunction(settings),
                        deliveryTimeout,
                        TimeUnit.MILLISECONDS,
                        DELIVERY_CAPACITY)
                .uid("dispatch-ack-audit")
                .name("audit acknowledgements")
                .sinkTo(new DiscardingSink<>())
                .uid("dispatch-ack-audit-done")
                .name("acknowledgements audited");
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
}
