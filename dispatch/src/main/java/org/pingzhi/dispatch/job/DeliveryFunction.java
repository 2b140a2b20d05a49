package org.pingzhi.dispatch.job;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.dispatch.channel.AlertLinks;
import org.pingzhi.dispatch.channel.AlertTexts;
import org.pingzhi.dispatch.channel.KibanaLinks;
import org.pingzhi.dispatch.channel.MessageComposer;
import org.pingzhi.dispatch.channel.OutboundMessage;
import org.pingzhi.dispatch.delivery.DeliveryResult;
import org.pingzhi.dispatch.delivery.HttpAttempt;
import org.pingzhi.dispatch.delivery.HttpDelivery;
import org.pingzhi.dispatch.delivery.Notification;
import org.pingzhi.dispatch.delivery.Outbox;
import org.pingzhi.dispatch.delivery.RetryPolicy;
import org.pingzhi.dispatch.delivery.RobotRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notifications (Flink async I/O): each is claimed in the {@link NotificationLedger},
 * goes through the {@link Outbox} (the robots' 20 a minute, one digest for what it holds), is
 * booked SENDING just before its HTTP request and gets its outcome after. A notification stays in
 * flight, in the async operator's checkpointed state, until it is delivered or refused for good:
 * one held for a digest, one whose retries gave up (tried again after {@link #HOLD_BACK}) and one
 * whose ledger write failed are held back, never dropped.
 *
 * <p>One worker thread does all the Outbox's work (it is not thread-safe) and the ledger's and HTTP
 * client's callbacks continue on it; the operator runs with parallelism 1, so that the limit of a
 * robot is counted in one place.
 */
public final class DeliveryFunction extends RichAsyncFunction<DeliveryRequest, DeliveryReport> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFunction.class);

    /** The wait before a held-back notification is tried again. */
    static final Duration HOLD_BACK = Duration.ofSeconds(30);

    private final DispatchSettings settings;

    private transient KibanaLinks kibana;
    private transient HttpDelivery http;
    private transient Outbox outbox;
    private transient NotificationLedger ledger;
    private transient ScheduledExecutorService worker;
    private transient Map<Notification, Pending> inOutbox;
    private transient long flushScheduledAt;

    /** A notification on its way, and where its result goes. */
    private static final class Pending {
        final DeliveryRequest request;
        final ResultFuture<DeliveryReport> result;
        int attempt;

        /**
         * Whether its claim booked it SENDING already ({@link NotificationLedger#claimSending}).
         */
        boolean claimedSending;

        Pending(DeliveryRequest request, ResultFuture<DeliveryReport> result) {
            this.request = request;
            this.result = result;
        }
    }

    public DeliveryFunction(DispatchSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        kibana = new KibanaLinks(URI.create(settings.kibanaUrl()));
        RetryPolicy standard = RetryPolicy.standard();
        http =
                new HttpDelivery(
                        HttpDelivery.newClient(Duration.ofSeconds(5)),
                        new RetryPolicy(
                                settings.requestTimeout(),
                                standard.initialBackoff(),
                                standard.maxBackoff(),
                                standard.rateLimitBackoff(),
                                standard.maxAttempts()),
                        Clock.systemUTC());
        outbox =
                new Outbox(
                        RobotRateLimiter.forRobots(),
                        new MessageComposer(new AlertTexts(TownDirectory.standard())),
                        this::send,
                        kibana);
        ledger = settings.ledger();
        worker =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "dispatch-delivery");
                            thread.setDaemon(true);
                            return thread;
                        });
        inOutbox = new IdentityHashMap<>();
        flushScheduledAt = Long.MAX_VALUE;
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.shutdownNow();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Override
    public void asyncInvoke(DeliveryRequest request, ResultFuture<DeliveryReport> result) {
        Pending pending = new Pending(request, result);
        worker.execute(() -> claim(pending));
    }

    /**
     * Asks the ledger whether the notification is still to be sent; on the worker. One the Outbox
     * lets go at once is booked there first and claimed SENDING (one ledger write before its
     * request); one that would wait for a digest is claimed QUEUED and then handed to the Outbox. A
     * booking whose claim does not send only leaves its robot a message fewer this minute.
     */
    private void claim(Pending pending) {
        long now = System.currentTimeMillis();
        pending.claimedSending = outbox.book(pending.request.channel(), now);
        (pending.claimedSending
                        ? ledger.claimSending(pending.request, now)
                        : ledger.claim(pending.request, now))
                .whenCompleteAsync(
                        (claim, failure) -> {
                            if (failure != null) {
                                holdBack(pending, "the ledger cannot be read: " + failure);
                            } else if (!claim.send()) {
                                LOG.info(
                                        "Not sending {} again: the ledger says {}",
                                        pending.request.key().asString(),
                                        claim.outcome());
                                pending.result.complete(
                                        List.of(
                                                DeliveryReport.of(
                                                        pending.request,
                                                        claim.attempt(),
                                                        "SKIPPED",
                                                        "the ledger says " + claim.outcome())));
                            } else {
                                pending.attempt = claim.attempt();
                                submit(pending);
                            }
                        },
                        worker);
    }

    private void submit(Pending pending) {
        DeliveryRequest request = pending.request;
        Notification notification =
                new Notification(
                        request.notice(),
                        new AlertLinks(
                                kibana.alert(request.key().alertId()),
                                request.ackLink() == null ? null : URI.create(request.ackLink())),
                        request.mobiles());
        inOutbox.put(notification, pending);
        if (pending.claimedSending) {
            outbox.sendBooked(request.channel(), notification);
            return;
        }
        outbox.submit(request.channel(), notification, System.currentTimeMillis());
        scheduleFlush();
    }

    /** The Outbox's sender: books the notifications SENDING, then sends; on the worker. */
    private CompletableFuture<DeliveryResult> send(
            OutboundMessage message, List<Notification> covered) {
        List<Pending> sent = new ArrayList<>();
        covered.forEach(notification -> sent.add(inOutbox.remove(notification)));
        long startedAt = System.currentTimeMillis();
        CompletableFuture<DeliveryResult> delivered =
                CompletableFuture.allOf(
                                sent.stream()
                                        .filter(p -> !p.claimedSending)
                                        .map(p -> ledger.sending(p.request, p.attempt, startedAt))
                                        .toArray(CompletableFuture[]::new))
                        .thenCompose(
                                booked -> http.deliver(message, attempt -> audit(sent, attempt)));
        delivered.whenCompleteAsync(
                (result, failure) -> {
                    if (failure != null) {
                        // not booked SENDING, so not sent: the claim (QUEUED) is taken again later
                        sent.forEach(p -> holdBack(p, "the ledger cannot be written: " + failure));
                    } else {
                        sent.forEach(p -> finish(p, startedAt, result));
                    }
                },
                worker);
        return delivered;
    }

    /**
     * Books one HTTP attempt for each notification it carried; a failed write is logged, not
     * retried: the try's own document in the ledger holds the outcome.
     */
    private void audit(List<Pending> sent, HttpAttempt attempt) {
        for (Pending p : sent) {
            ledger.httpAttempt(p.request, p.attempt, attempt)
                    .whenComplete(
                            (booked, failure) -> {
                                if (failure != null) {
                                    LOG.warn(
                                            "HTTP attempt {} of {} is not in the ledger: {}",
                                            attempt.number(),
                                            p.request.key().asString(),
                                            failure.toString());
                                }
                            });
        }
    }

    private void finish(Pending pending, long startedAt, DeliveryResult result) {
        ledger.outcome(
                        pending.request,
                        pending.attempt,
                        startedAt,
                        result,
                        System.currentTimeMillis())
                .whenCompleteAsync(
                        (booked, failure) -> {
                            if (failure != null) {
                                LOG.warn(
                                        "The outcome of {} is not in the ledger: {}",
                                        pending.request.key().asString(),
                                        failure.toString());
                            }
                            if (result.outcome() == DeliveryResult.Outcome.GAVE_UP) {
                                holdBack(pending, result.detail());
                                return;
                            }
                            LOG.info(
                                    "{} {} after {} attempt(s): {}",
                                    pending.request.key().asString(),
                                    result.outcome(),
                                    result.attempts(),
                                    result.detail());
                            pending.result.complete(
                                    List.of(
                                            DeliveryReport.of(
                                                    pending.request,
                                                    pending.attempt,
                                                    result.outcome().name(),
                                                    result.detail())));
                        },
                        worker);
    }

    private void holdBack(Pending pending, String why) {
        LOG.warn("Holding back {} for {}: {}", pending.request.key().asString(), HOLD_BACK, why);
        worker.schedule(() -> claim(pending), HOLD_BACK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes sure the Outbox's next digest goes when it is due; on the worker. */
    private void scheduleFlush() {
        long due = outbox.nextDueAt().orElse(Long.MAX_VALUE);
        if (due >= flushScheduledAt) {
            return;
        }
        flushScheduledAt = due;
        long delay = Math.max(0, due - System.currentTimeMillis());
        worker.schedule(
                () -> {
                    flushScheduledAt = Long.MAX_VALUE;
                    outbox.flushDue(System.currentTimeMillis());
                    scheduleFlush();
                },
                delay,
                TimeUnit.MILLISECONDS);
    }
}
