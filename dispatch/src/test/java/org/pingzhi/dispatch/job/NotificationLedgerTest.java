package org.pingzhi.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.ack.Acknowledgement;
import org.pingzhi.dispatch.alert.AlertStatus;
import org.pingzhi.dispatch.delivery.Answer;
import org.pingzhi.dispatch.delivery.DeliveryKey;
import org.pingzhi.dispatch.delivery.DeliveryResult;
import org.pingzhi.dispatch.delivery.HttpAttempt;
import org.pingzhi.dispatch.job.NotificationLedger.Claim;
import org.pingzhi.dispatch.job.NotificationLedger.Outcome;
import org.pingzhi.dispatch.roster.DutyRoster;
import org.pingzhi.dispatch.roster.RosterFile;
import org.pingzhi.dispatch.roster.SampleRoster;
import org.pingzhi.dispatch.testing.RealElasticsearch;

/** The ledger's claims against the real Elasticsearch: what is sent, and what never twice. */
@ExtendWith(RealElasticsearch.class)
class NotificationLedgerTest {

    private static final DutyRoster ROSTER =
            RosterFile.parse("sample", SampleRoster.json(), TownDirectory.standard());

    private static final DeliveryRequest REQUEST =
            new DeliveryRequest(
                    DeliveryKey.of(
                            DispatchFunctionTest.critical(AlertStatus.OPEN), 0, "ops-webhook"),
                    ROSTER.channel("ops-webhook").orElseThrow(),
                    DispatchFunctionTest.critical(AlertStatus.OPEN),
                    null,
                    List.of(),
                    "0123456789ab",
                    DispatchFunctionTest.T0);

    private final String index = "notifications-" + UUID.randomUUID().toString().substring(0, 8);

    private final NotificationLedger ledger =
            NotificationLedger.connect(List.of(RealElasticsearch.url()), Optional.empty(), index);

    @AfterEach
    void close() throws Exception {
        ledger.close();
    }

    private static String outcome(String index, int attempt) throws Exception {
        String id =
                URLEncoder.encode(
                        NotificationLedger.documentId(REQUEST.key(), attempt),
                        StandardCharsets.UTF_8);
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        RealElasticsearch.url()
                                                                + "/"
                                                                + index
                                                                + "/_doc/"
                                                                + id))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body()).path("_source").path("outcome").asText();
    }

    @Test
    void aClaimToSendBooksTheTrySendingAtOnceAndNothingClaimsItAgain() throws Exception {
        assertThat(ledger.claimSending(REQUEST, DispatchFunctionTest.T0).join())
                .isEqualTo(new Claim(1, true, Outcome.SENDING));
        assertThat(outcome(index, 1)).isEqualTo("SENDING");

        assertThat(ledger.claimSending(REQUEST, DispatchFunctionTest.T0 + 1).join())
                .isEqualTo(new Claim(1, false, Outcome.SENDING));
        assertThat(ledger.claim(REQUEST, DispatchFunctionTest.T0 + 2).join())
                .isEqualTo(new Claim(1, false, Outcome.SENDING));
    }

    @Test
    void aQueuedTryClaimedToSendIsSentAndBookedSendingFirst() throws Exception {
        assertThat(ledger.claim(REQUEST, DispatchFunctionTest.T0).join())
                .isEqualTo(new Claim(1, true, Outcome.QUEUED));
        assertThat(outcome(index, 1)).isEqualTo("QUEUED");

        assertThat(ledger.claimSending(REQUEST, DispatchFunctionTest.T0 + 1).join())
                .isEqualTo(new Claim(1, true, Outcome.QUEUED));
        assertThat(outcome(index, 1)).isEqualTo("SENDING");
    }

    private void firstTryGaveUp() {
        ledger.outcome(
                        REQUEST,
                        1,
                        DispatchFunctionTest.T0,
                        new DeliveryResult(DeliveryResult.Outcome.GAVE_UP, 5, "HTTP 503"),
                        DispatchFunctionTest.T0 + 10)
                .join();
    }

    @Test
    void afterATryThatGaveUpTheNextOneIsClaimedToSend() throws Exception {
        ledger.claimSending(REQUEST, DispatchFunctionTest.T0).join();
        firstTryGaveUp();

        assertThat(ledger.claimSending(REQUEST, DispatchFunctionTest.T0 + 20).join())
                .isEqualTo(new Claim(2, true, Outcome.SENDING));
        assertThat(outcome(index, 1)).isEqualTo("GAVE_UP");
        assertThat(outcome(index, 2)).isEqualTo("SENDING");
    }

    @Test
    void theShippedTemplateMapsEveryFieldTheLedgerWritesOnAGreenIndex() throws Exception {
        ledger.installTemplate().join();

        ledger.claimSending(REQUEST, DispatchFunctionTest.T0).join();
        ledger.httpAttempt(
                        REQUEST,
                        1,
                        new HttpAttempt(
                                1,
                                DispatchFunctionTest.T0,
                                12,
                                429,
                                new Answer(
                                        Answer.Kind.RATE_LIMITED,
                                        "HTTP 429",
                                        Optional.of(Duration.ofSeconds(3)),
                                        130101),
                                Duration.ofMinutes(1)))
                .join();
        firstTryGaveUp();
        ledger.acknowledged(
                        new Acknowledgement(
                                REQUEST.key().alertId(),
                                "zd-li",
                                Instant.ofEpochMilli(DispatchFunctionTest.T0)))
                .join();
        ledger.rosterInForce(
                        RosterVersion.published(
                                SampleRoster.json(), "roster:0:7", DispatchFunctionTest.T0))
                .join();

        JsonNode shipped =
                DispatchJobLiveTest.shippedTemplate()
                        .path("template")
                        .path("mappings")
                        .path("properties");
        JsonNode mapped =
                get("/" + index + "/_mapping").path(index).path("mappings").path("properties");
        assertThat(fieldNames(mapped))
                .as("every field written is one of the template's, none left to dynamic mapping")
                .isNotEmpty()
                .isSubsetOf(fieldNames(shipped));
        assertThat(mapped.path("alertId").path("type").asText()).isEqualTo("keyword");
        assertThat(mapped.path("attemptedAt").path("type").asText()).isEqualTo("date");
        assertThat(get("/_cluster/health/" + index).path("status").asText())
                .as("no replica that a single node cannot place")
                .isEqualTo("green");
    }

    @Test
    void theIndexIsMadeByTheTemplateBeforeTheFirstWriteAndMakingItAgainChangesNothing()
            throws Exception {
        ledger.installTemplate().join();

        ledger.createIndexIfMissing().join();
        JsonNode made = get("/" + index + "/_mapping").path(index).path("mappings");
        assertThat(made.path("properties").path("outcome").path("type").asText())
                .isEqualTo("keyword");

        ledger.claimSending(REQUEST, DispatchFunctionTest.T0).join();
        ledger.createIndexIfMissing().join();
        assertThat(outcome(index, 1)).isEqualTo("SENDING");
    }

    private static List<String> fieldNames(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(RealElasticsearch.url() + path))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
