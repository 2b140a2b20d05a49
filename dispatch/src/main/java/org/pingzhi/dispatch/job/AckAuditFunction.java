package org.pingzhi.dispatch.job;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.pingzhi.dispatch.ack.Acknowledgement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every acknowledgement seen to {@code pingzhi-notifications} (a replay overwrites its own
 * document); a failed write is tried again, never dropped.
 */
public final class AckAuditFunction extends RichAsyncFunction<Acknowledgement, Acknowledgement> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(AckAuditFunction.class);

    private final DispatchSettings settings;

    private transient NotificationLedger ledger;
    private transient ScheduledExecutorService retries;

    public AckAuditFunction(DispatchSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        ledger = settings.ledger();
        retries = Executors.newSingleThreadScheduledExecutor();
    }

    @Override
    public void close() throws Exception {
        if (retries != null) {
            retries.shutdownNow();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Override
    public void asyncInvoke(Acknowledgement ack, ResultFuture<Acknowledgement> result) {
        ledger.acknowledged(ack)
                .whenComplete(
                        (written, failure) -> {
                            if (failure == null) {
                                result.complete(List.of(ack));
                                return;
                            }
                            LOG.warn(
                                    "Cannot audit the acknowledgement {}: {}",
                                    ack,
                                    failure.toString());
                            retries.schedule(
                                    () -> asyncInvoke(ack, result),
                                    DeliveryFunction.HOLD_BACK.toMillis(),
                                    TimeUnit.MILLISECONDS);
                        });
    }
}
