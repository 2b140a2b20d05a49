package org.pingzhi.dispatch.job;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each audited item (an acknowledgement seen, a roster come into force) to {@code
 * pingzhi-notifications} under its deterministic id (a replay overwrites its own document); a
 * failed write is tried again, never dropped. Emits what it wrote, described.
 *
 * @param <T> the item audited
 */
public final class AuditFunction<T> extends RichAsyncFunction<T, String> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(AuditFunction.class);

    /** How an item goes into the ledger, e.g. {@code NotificationLedger::acknowledged}. */
    @FunctionalInterface
    public interface Write<T> extends Serializable {
        CompletableFuture<Void> write(NotificationLedger ledger, T item);
    }

    private final DispatchSettings settings;
    private final Write<T> write;

    private transient NotificationLedger ledger;
    private transient ScheduledExecutorService retries;

    public AuditFunction(DispatchSettings settings, Write<T> write) {
        this.settings = settings;
        this.write = write;
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
    public void asyncInvoke(T item, ResultFuture<String> result) {
        write.write(ledger, item)
                .whenComplete(
                        (written, failure) -> {
                            if (failure == null) {
                                result.complete(List.of(item.toString()));
                                return;
                            }
                            LOG.warn("Cannot audit {}: {}", item, failure.toString());
                            retries.schedule(
                                    () -> asyncInvoke(item, result),
                                    DeliveryFunction.HOLD_BACK.toMillis(),
                                    TimeUnit.MILLISECONDS);
                        });
    }
}
