package org.pingzhi.dispatch.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.pingzhi.dispatch.channel.OutboundMessage;
import org.pingzhi.dispatch.delivery.Answer.Kind;
import org.pingzhi.dispatch.delivery.DeliveryResult.Outcome;

/**
 * Delivers messages asynchronously ({@link HttpClient#sendAsync}), each attempt with a timeout,
 * retrying failures, timeouts and throttling with backoff; a DingTalk attempt is signed at its own
 * time. Nothing blocks a caller's thread: waits are scheduled, not slept.
 */
public final class HttpDelivery {

    private final HttpClient client;
    private final RetryPolicy policy;
    private final Clock clock;

    public HttpDelivery(HttpClient client, RetryPolicy policy, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.clock = clock;
    }

    /** A client as deliveries need it: HTTP/1.1 (robots' gateways), a connect timeout. */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Completes once the message is delivered, refused, or given up; never exceptionally. */
    public CompletableFuture<DeliveryResult> deliver(OutboundMessage message) {
        return deliver(message, HttpAttempt.Listener.NONE);
    }

    /** As {@link #deliver(OutboundMessage)}, telling {@code listener} of each HTTP attempt. */
    public CompletableFuture<DeliveryResult> deliver(
            OutboundMessage message, HttpAttempt.Listener listener) {
        return attempt(message, 1, listener);
    }

    private CompletableFuture<DeliveryResult> attempt(
            OutboundMessage message, int attempt, HttpAttempt.Listener listener) {
        long startedAt = clock.millis();
        HttpRequest request;
        try {
            request =
                    HttpRequest.newBuilder(message.uriAt(startedAt))
                            .timeout(policy.requestTimeout())
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            message.body(), StandardCharsets.UTF_8))
                            .build();
        } catch (IllegalArgumentException e) {
            // a URL the client cannot take: no attempt can succeed
            return CompletableFuture.completedFuture(
                    new DeliveryResult(Outcome.REFUSED, attempt, "cannot send: " + e.getMessage()));
        }
        long started = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle(
                        (response, failure) -> {
                            Answer answer = answer(message, response, failure);
                            Duration retryIn = retryIn(attempt, answer);
                            listener.attempted(
                                    new HttpAttempt(
                                            attempt,
                                            startedAt,
                                            TimeUnit.NANOSECONDS.toMillis(
                                                    System.nanoTime() - started),
                                            failure == null ? response.statusCode() : 0,
                                            answer,
                                            retryIn));
                            return next(message, attempt, answer, retryIn, listener);
                        })
                .thenCompose(next -> next);
    }

    /** The wait before the attempt after {@code attempt}, null when none follows. */
    private Duration retryIn(int attempt, Answer answer) {
        boolean retryable = answer.kind() == Kind.RETRY || answer.kind() == Kind.RATE_LIMITED;
        return retryable && attempt < policy.maxAttempts() ? policy.backoff(attempt, answer) : null;
    }

    private static Answer answer(
            OutboundMessage message, HttpResponse<String> response, Throwable failure) {
        if (failure == null) {
            Map<String, String> headers = new HashMap<>();
            response.headers()
                    .map()
                    .forEach(
                            (name, values) ->
                                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            return AnswerClassifier.classify(
                    message.channel(), response.statusCode(), response.body(), headers);
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
        if (cause instanceof HttpTimeoutException) {
            return Answer.of(Kind.RETRY, "no answer within the request timeout");
        }
        if (cause instanceof IOException) {
            return Answer.of(
                    Kind.RETRY, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return Answer.of(Kind.PERMANENT, "cannot send: " + cause);
    }

    private CompletableFuture<DeliveryResult> next(
            OutboundMessage message,
            int attempt,
            Answer answer,
            Duration retryIn,
            HttpAttempt.Listener listener) {
        switch (answer.kind()) {
            case DELIVERED:
                return CompletableFuture.completedFuture(
                        new DeliveryResult(Outcome.DELIVERED, attempt, answer.detail()));
            case PERMANENT:
                return CompletableFuture.completedFuture(
                        new DeliveryResult(Outcome.REFUSED, attempt, answer.detail()));
            default:
                if (retryIn == null) {
                    return CompletableFuture.completedFuture(
                            new DeliveryResult(Outcome.GAVE_UP, attempt, answer.detail()));
                }
                Executor later =
                        CompletableFuture.delayedExecutor(
                                retryIn.toMillis(), TimeUnit.MILLISECONDS);
                return CompletableFuture.supplyAsync(
                                () -> attempt(message, attempt + 1, listener), later)
                        .thenCompose(retry -> retry);
        }
    }
}
