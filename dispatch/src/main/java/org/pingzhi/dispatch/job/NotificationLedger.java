package org.pingzhi.dispatch.job;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.dispatch.ack.Acknowledgement;
import org.pingzhi.dispatch.channel.Channel;
import org.pingzhi.dispatch.channel.DingTalkRobot;
import org.pingzhi.dispatch.channel.WeComRobot;
import org.pingzhi.dispatch.delivery.Answer;
import org.pingzhi.dispatch.delivery.DeliveryKey;
import org.pingzhi.dispatch.delivery.DeliveryResult;
import org.pingzhi.dispatch.delivery.HttpAttempt;

/**
 * The delivery ledger and audit, Elasticsearch {@code pingzhi-notifications} (the template in
 * dashboards/elasticsearch): one document per delivery try of a {@link DeliveryKey}, id {@code
 * <alertId>:<alertStatus>:<recipient>:<attempt>}, one per HTTP request of a try ({@code
 * …:<attempt>:http-<n>}), one per acknowledgement seen and one per roster in force. A try is
 * claimed with {@code _create} before anything is sent (outcome {@code QUEUED}, or {@code SENDING}
 * at once when its request goes as soon as it is claimed), marked {@code SENDING} before its HTTP
 * request and given its outcome after, so that after a restore the ledger tells a notification
 * nobody was told of (QUEUED, or the last try GAVE_UP) from one that went or may have gone
 * (SENDING, DELIVERED, REFUSED).
 */
public final class NotificationLedger implements AutoCloseable {

    /** Where a delivery try stands; the {@code outcome} field. */
    public enum Outcome {
        QUEUED,
        SENDING,
        DELIVERED,
        REFUSED,
        GAVE_UP,
        ACKNOWLEDGED,
        /** One HTTP request of a try (an audit document, {@code <try id>:http-<n>}). */
        HTTP_ATTEMPT,
        /** A duty roster came into force (an audit document, not a delivery). */
        ROSTER_IN_FORCE
    }

    /**
     * What the ledger says of a delivery key.
     *
     * @param attempt the try to make (or last made)
     * @param send false when the notification went, or may have gone, already
     * @param outcome what the ledger held for it ({@code QUEUED} for a new claim)
     */
    public record Claim(int attempt, boolean send, Outcome outcome) {}

    /** The {@code X-Opaque-Id} of the claims' and SENDING marks' bulk requests. */
    static final String DECISIONS_OPAQUE_ID = "pingzhi-dispatch-claims";

    /** The {@code X-Opaque-Id} of the audit's bulk requests (outcomes, HTTP attempts). */
    static final String AUDIT_OPAQUE_ID = "pingzhi-dispatch-audit";

    /** The index template, packed from {@code dashboards/elasticsearch}. */
    static final String TEMPLATE = "elasticsearch-templates/pingzhi-notifications.json";

    private final ElasticsearchAsyncClient client;
    private final Rest5Client lowLevel;
    private final String index;

    /**
     * The claims' bulk requests in flight at most: a claim that comes while one is in flight goes
     * at once instead of waiting for its answer; more would only queue in Elasticsearch's write
     * threads (as many as its cores).
     */
    static final int DECISIONS_IN_FLIGHT = 2;

    /**
     * The claims and SENDING marks, on the delivery's path: batched apart from the audit, which
     * yields to them (it starts no request while a claim waits), so that a decision never waits
     * behind the audit's writes, in the client or in Elasticsearch's write queue.
     */
    private final WriteBatcher<BulkOperation> decisions;

    /** The outcomes and HTTP attempts, written after the request; one request in flight. */
    private final WriteBatcher<BulkOperation> audit;

    NotificationLedger(Rest5Client lowLevel, String index) {
        this.lowLevel = lowLevel;
        this.client =
                new ElasticsearchAsyncClient(
                        new Rest5ClientTransport(lowLevel, new JacksonJsonpMapper()));
        this.index = index;
        this.decisions = new WriteBatcher<>(bulkAs(DECISIONS_OPAQUE_ID), DECISIONS_IN_FLIGHT, null);
        this.audit = new WriteBatcher<>(bulkAs(AUDIT_OPAQUE_ID), 1, decisions);
    }

    /** A ledger at {@code hosts}, with an API key when the cluster needs one. */
    public static NotificationLedger connect(
            List<String> hosts, Optional<String> apiKey, String index) {
        Rest5ClientBuilder builder =
                Rest5Client.builder(hosts.stream().map(host -> URI.create(host.strip())).toList());
        apiKey.ifPresent(
                key ->
                        builder.setDefaultHeaders(
                                new Header[] {
                                    new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + key)
                                }));
        return new NotificationLedger(builder.build(), index);
    }

    /**
     * Puts the index template of {@code dashboards/elasticsearch/pingzhi-notifications.json}
     * (packed as {@value #TEMPLATE}), named after the index and matching it alone, so that the
     * index is made with its mappings (keywords, dates) and settings (no replica on a single node),
     * not by dynamic mapping on the first write. A PUT of the same template replaces it: safe at
     * every start. An index that exists already keeps its mappings.
     */
    public CompletableFuture<Void> installTemplate() {
        String body;
        try {
            body = template(index);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.indices()
                .putIndexTemplate(t -> t.name(index).withJson(new StringReader(body)))
                .thenApply(response -> null);
    }

    /**
     * Makes the index (by the template: {@link #installTemplate} first) unless it exists, so that
     * the first claim does not wait for Elasticsearch to create it (seconds on a loaded node:
     * cluster state, shard allocation) while pages queue behind it.
     */
    public CompletableFuture<Void> createIndexIfMissing() {
        return client.indices()
                .create(c -> c.index(index))
                .thenApply(created -> (Void) null)
                .exceptionallyCompose(
                        failure ->
                                alreadyExists(failure)
                                        ? CompletableFuture.completedFuture(null)
                                        : CompletableFuture.failedFuture(failure));
    }

    private static boolean alreadyExists(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
        return cause instanceof ElasticsearchException e
                && "resource_already_exists_exception".equals(e.error().type());
    }

    /** The shipped template with {@code index_patterns} the one index. */
    static String template(String index) throws IOException {
        try (InputStream in =
                NotificationLedger.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("not on the classpath: " + TEMPLATE);
            }
            ObjectNode template = (ObjectNode) Json.mapper().readTree(in);
            template.putArray("index_patterns").add(index);
            return template.toString();
        }
    }

    /** {@code <alertId>:<alertStatus>:<recipient>:<attempt>}, the template's document id. */
    static String documentId(DeliveryKey key, int attempt) {
        return key.alertId() + ":" + alertStatus(key) + ":" + key.recipient() + ":" + attempt;
    }

    /** {@code OPEN}, {@code OPEN-2} (the second re-notification), {@code RESOLVED}. */
    static String alertStatus(DeliveryKey key) {
        return key.renotification() == 0
                ? key.round().name()
                : key.round().name() + "-" + key.renotification();
    }

    /**
     * Claims the first try of {@code request} nobody was told of: a new try, a QUEUED one (handed
     * over again after a restore, never sent), or the one after a try that GAVE_UP.
     */
    public CompletableFuture<Claim> claim(DeliveryRequest request, long now) {
        return claim(request, now, 1, Outcome.QUEUED);
    }

    /**
     * Claims as {@link #claim} does, booking the try SENDING at once: for a notification whose
     * request goes as soon as it is claimed (the Outbox booked its message), one write on its way
     * instead of two.
     */
    public CompletableFuture<Claim> claimSending(DeliveryRequest request, long now) {
        return claim(request, now, 1, Outcome.SENDING);
    }

    private CompletableFuture<Claim> claim(
            DeliveryRequest request, long now, int attempt, Outcome as) {
        Map<String, Object> document = document(request, attempt, now, as);
        return decisions
                .submit(
                        BulkOperation.of(
                                o ->
                                        o.create(
                                                c ->
                                                        c.index(index)
                                                                .id(
                                                                        documentId(
                                                                                request.key(),
                                                                                attempt))
                                                                .document(document))))
                .thenApply(created -> new Claim(attempt, true, as))
                .exceptionallyCompose(
                        failure -> {
                            if (!isConflict(failure)) {
                                return CompletableFuture.failedFuture(failure);
                            }
                            return existing(request.key(), attempt)
                                    .thenCompose(
                                            outcome -> taken(request, now, attempt, outcome, as));
                        });
    }

    /** What a try already in the ledger leaves to do. */
    private CompletableFuture<Claim> taken(
            DeliveryRequest request, long now, int attempt, Outcome outcome, Outcome as) {
        return switch (outcome) {
            // handed over again after a restore, never sent: send it now
            case QUEUED ->
                    as == Outcome.QUEUED
                            ? CompletableFuture.completedFuture(new Claim(attempt, true, outcome))
                            : sending(request, attempt, now)
                                    .thenApply(booked -> new Claim(attempt, true, outcome));
            case GAVE_UP -> claim(request, now, attempt + 1, as);
            default -> CompletableFuture.completedFuture(new Claim(attempt, false, outcome));
        };
    }

    /** Books try {@code attempt} as under way: its HTTP request goes next. */
    public CompletableFuture<Void> sending(DeliveryRequest request, int attempt, long now) {
        return write(decisions, request, attempt, now, Outcome.SENDING, null, null);
    }

    /** Books how try {@code attempt} ended. */
    public CompletableFuture<Void> outcome(
            DeliveryRequest request, int attempt, long startedAt, DeliveryResult result, long now) {
        Outcome outcome = Outcome.valueOf(result.outcome().name());
        String error = outcome == Outcome.DELIVERED ? null : result.detail();
        return write(audit, request, attempt, startedAt, outcome, error, now - startedAt);
    }

    /**
     * Books one HTTP attempt of try {@code attempt}, {@code <try id>:http-<n>}: its answer (HTTP
     * status, the robot's errcode, the classification, what the channel asked to wait and the wait
     * before the next attempt) and its latency. Written beside the try's own document, which stays
     * what the ledger decides by.
     */
    public CompletableFuture<Void> httpAttempt(
            DeliveryRequest request, int attempt, HttpAttempt http) {
        Map<String, Object> document =
                document(request, attempt, http.startedAt(), Outcome.HTTP_ATTEMPT);
        document.put("httpAttempt", http.number());
        if (http.httpStatus() > 0) {
            document.put("httpStatus", http.httpStatus());
        }
        if (http.answer().errcode() != null) {
            document.put("errcode", http.answer().errcode());
        }
        document.put("answer", http.answer().kind().name());
        document.put("latencyMillis", http.latencyMillis());
        http.answer()
                .retryAfter()
                .ifPresent(asked -> document.put("retryAfterMillis", asked.toMillis()));
        if (http.retryIn() != null) {
            document.put("retryInMillis", http.retryIn().toMillis());
        }
        if (http.answer().kind() != Answer.Kind.DELIVERED) {
            document.put("error", http.answer().detail());
        }
        return audit.submit(
                index(attemptDocumentId(request.key(), attempt, http.number()), document));
    }

    /** {@code <alertId>:<alertStatus>:<recipient>:<attempt>:http-<n>}. */
    static String attemptDocumentId(DeliveryKey key, int attempt, int httpAttempt) {
        return documentId(key, attempt) + ":http-" + httpAttempt;
    }

    /** Books an acknowledgement seen (a replay lands on the same document). */
    public CompletableFuture<Void> acknowledged(Acknowledgement ack) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("alertId", ack.alertId());
        document.put("alertStatus", "ACKED");
        document.put("recipient", ack.who());
        document.put("attempt", 1);
        document.put("attemptedAt", Times.iso(ack.at().toEpochMilli()));
        document.put("outcome", Outcome.ACKNOWLEDGED.name());
        return client.index(
                        i ->
                                i.index(index)
                                        .id(ack.alertId() + ":ACKED:" + ack.who() + ":1")
                                        .document(document))
                .thenApply(response -> null);
    }

    /**
     * Books a roster that came into force, {@code roster:<version>}: what routed the notifications
     * whose {@code rosterVersion} it is, from when, published where. Never the roster itself (it
     * holds the robots' secrets).
     */
    public CompletableFuture<Void> rosterInForce(RosterVersion roster) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("rosterVersion", roster.version());
        document.put("origin", roster.origin());
        document.put("attemptedAt", Times.iso(roster.inForceFrom()));
        document.put("outcome", Outcome.ROSTER_IN_FORCE.name());
        return client.index(i -> i.index(index).id("roster:" + roster.version()).document(document))
                .thenApply(response -> null);
    }

    private CompletableFuture<Void> write(
            WriteBatcher<BulkOperation> batcher,
            DeliveryRequest request,
            int attempt,
            long attemptedAt,
            Outcome outcome,
            String error,
            Long latencyMillis) {
        Map<String, Object> document = document(request, attempt, attemptedAt, outcome);
        if (latencyMillis != null) {
            document.put("latencyMillis", latencyMillis);
        }
        if (error != null) {
            document.put("error", error);
        }
        return batcher.submit(index(documentId(request.key(), attempt), document));
    }

    private BulkOperation index(String id, Map<String, Object> document) {
        return BulkOperation.of(o -> o.index(i -> i.index(index).id(id).document(document)));
    }

    /**
     * The {@code _bulk} requests of one lane, named by their {@code X-Opaque-Id} (Elasticsearch's
     * tasks API, slow logs): which writer a request in flight is.
     */
    private WriteBatcher.Batch<BulkOperation> bulkAs(String opaqueId) {
        ElasticsearchAsyncClient named =
                client.withTransportOptions(
                        client._transport()
                                .options()
                                .with(options -> options.setHeader("X-Opaque-Id", opaqueId)));
        return operations -> bulk(named, operations);
    }

    /** One {@code _bulk} request; each item's failure as the client reports a single request's. */
    private static CompletableFuture<List<Throwable>> bulk(
            ElasticsearchAsyncClient client, List<BulkOperation> operations) {
        return client.bulk(b -> b.operations(operations))
                .thenApply(
                        response ->
                                response.items().stream()
                                        .map(NotificationLedger::itemFailure)
                                        .toList());
    }

    private static Throwable itemFailure(BulkResponseItem item) {
        if (item.error() == null) {
            return null;
        }
        return new ElasticsearchException(
                "bulk", ErrorResponse.of(e -> e.error(item.error()).status(item.status())));
    }

    private CompletableFuture<Outcome> existing(DeliveryKey key, int attempt) {
        return client.get(g -> g.index(index).id(documentId(key, attempt)), ObjectNode.class)
                .thenApply(
                        response -> {
                            if (!response.found() || response.source() == null) {
                                throw new CompletionException(
                                        new IOException(
                                                "ledger entry "
                                                        + documentId(key, attempt)
                                                        + " vanished"));
                            }
                            return Outcome.valueOf(response.source().path("outcome").asText());
                        });
    }

    private static Map<String, Object> document(
            DeliveryRequest request, int attempt, long attemptedAt, Outcome outcome) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("alertId", request.key().alertId());
        document.put("alertStatus", alertStatus(request.key()));
        document.put("kind", request.notice().kind());
        document.put("severity", request.notice().severity().name());
        document.put("level", request.notice().level().name());
        document.put("townCode", request.notice().townCode());
        document.put("recipient", request.key().recipient());
        document.put("channel", channelType(request.channel()));
        document.put("rosterVersion", request.rosterVersion());
        document.put("routedAt", Times.iso(request.routedAt()));
        document.put("attempt", attempt);
        document.put("attemptedAt", Times.iso(attemptedAt));
        document.put("outcome", outcome.name());
        return document;
    }

    /** {@code DINGTALK}, {@code WECOM} or {@code WEBHOOK}: the {@code channel} field. */
    static String channelType(Channel channel) {
        if (channel instanceof DingTalkRobot) {
            return "DINGTALK";
        }
        return channel instanceof WeComRobot ? "WECOM" : "WEBHOOK";
    }

    private static boolean isConflict(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
        return cause instanceof ElasticsearchException e && e.status() == 409;
    }

    @Override
    public void close() throws IOException {
        lowLevel.close();
    }
}
