package org.pingzhi.jobs.ack;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.AlertAcknowledgement;
import org.pingzhi.common.output.AlertStatus;

/**
 * Where the duty officers' acknowledgements join the alerts, keyed by alertId, after every producer
 * of alerts and before rendering: the job writes each alert document whole, acknowledgement
 * included, so no other writer's fields are overwritten. An open alert acknowledged shows {@code
 * status: ACKED} with {@code ackedBy} and {@code ackedAt}, at once and in every later revision; a
 * RESOLVED alert stays RESOLVED and keeps them.
 *
 * <p>The first acknowledgement wins: a later or replayed one changes nothing. An acknowledgement of
 * an alert this stage does not hold open (unknown, or resolved and forgotten) changes nothing
 * either, unless the alert opens within {@code earlyRetention} of it: acknowledgements are
 * wall-clock acts, so that bound is processing time. State is kept per alert only while it is open.
 */
public class AlertAcknowledgementFunction
        extends KeyedCoProcessFunction<String, AlertRevision, AlertAcknowledgement, AlertRevision> {

    public static final String UID = "alert-acknowledgement";

    public static final String NAME = "Alerts with acknowledgements";

    private final long earlyRetentionMillis;

    private transient ValueState<AlertRevision> openAlert;
    private transient ValueState<AlertAcknowledgement> firstAck;
    private transient ValueState<Long> earlyAckExpiry;

    public AlertAcknowledgementFunction(Duration earlyRetention) {
        this.earlyRetentionMillis = earlyRetention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        openAlert = getRuntimeContext().getState(AckStateDescriptors.OPEN_ALERT);
        firstAck = getRuntimeContext().getState(AckStateDescriptors.FIRST_ACK);
        earlyAckExpiry = getRuntimeContext().getState(AckStateDescriptors.EARLY_ACK_EXPIRY);
    }

    @Override
    public void processElement1(AlertRevision revision, Context ctx, Collector<AlertRevision> out)
            throws Exception {
        AlertAcknowledgement ack = firstAck.value();
        out.collect(ack == null ? revision : acknowledged(revision, ack));
        if (AlertStatus.OPEN.name().equals(revision.alert().status())) {
            openAlert.update(revision);
            // the acknowledgement is now kept as long as the alert is open
            forgetExpiry(ctx);
        } else {
            openAlert.clear();
            firstAck.clear();
            forgetExpiry(ctx);
        }
    }

    @Override
    public void processElement2(AlertAcknowledgement ack, Context ctx, Collector<AlertRevision> out)
            throws Exception {
        if (firstAck.value() != null) {
            return;
        }
        firstAck.update(ack);
        AlertRevision open = openAlert.value();
        if (open != null) {
            out.collect(acknowledged(open, ack));
            return;
        }
        long expiry = ctx.timerService().currentProcessingTime() + earlyRetentionMillis;
        earlyAckExpiry.update(expiry);
        ctx.timerService().registerProcessingTimeTimer(expiry);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertRevision> out)
            throws Exception {
        Long expiry = earlyAckExpiry.value();
        if (expiry != null && expiry <= timestamp) {
            earlyAckExpiry.clear();
            firstAck.clear();
        }
    }

    private void forgetExpiry(Context ctx) throws Exception {
        Long expiry = earlyAckExpiry.value();
        if (expiry != null) {
            ctx.timerService().deleteProcessingTimeTimer(expiry);
            earlyAckExpiry.clear();
        }
    }

    private static AlertRevision acknowledged(AlertRevision revision, AlertAcknowledgement ack) {
        return new AlertRevision(
                revision.alert().acknowledged(ack.who(), Times.iso(ack.at())),
                revision.eventTime());
    }
}
