package org.pingzhi.dispatch.ack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.testing.RealElasticsearch;

@ExtendWith(RealElasticsearch.class)
class AckServerTest {

    static final Instant NOW = Instant.parse("2026-11-28T02:20:00Z");
    static final AckSignature SIGNATURE = new AckSignature(AckLinksTest.SECRET);

    final HttpClient http = HttpClient.newHttpClient();
    final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    AckServer server;
    AckLinks links;

    @BeforeEach
    void start() throws Exception {
        send(HttpRequest.newBuilder(es("/" + ElasticsearchAckStore.INDEX)).DELETE());
        ElasticsearchAckStore store =
                new ElasticsearchAckStore(
                        http, URI.create(RealElasticsearch.url()), Optional.empty());
        store.createIndexIfMissing();
        store.createIndexIfMissing();
        Clock clock =
                new Clock() {
                    @Override
                    public Instant instant() {
                        return now.get();
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }
                };
        server =
                AckServer.start(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        SIGNATURE,
                        store,
                        clock);
        links = new AckLinks(server.address(), SIGNATURE, Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void followingALinkShowsAConfirmationAndRecordsNothing() throws Exception {
        URI link = links.link("sla:INC-1:CITY", "city-day", NOW);

        HttpResponse<String> page = send(HttpRequest.newBuilder(link).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<form method=\"post\"")
                .contains("确认收到")
                .contains("sla:INC-1:CITY");
        assertThat(stored("sla:INC-1:CITY:city-day").get("found").booleanValue()).isFalse();
    }

    @Test
    void confirmingRecordsTheAcknowledgementOnceUnderItsDeterministicId() throws Exception {
        URI link =
                links.link("rule:hotspot:330482001|PUBLIC_ORDER:1764295200000", "danghu-day", NOW);
        now.set(NOW.plusSeconds(30));

        HttpResponse<String> first =
                send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("已确认");
        JsonNode stored = stored("rule:hotspot:330482001|PUBLIC_ORDER:1764295200000:danghu-day");
        assertThat(stored.get("_source"))
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        "{\"alertId\":\"rule:hotspot:330482001|PUBLIC_ORDER:1764295200000\","
                                            + "\"who\":\"danghu-day\",\"at\":\"2026-11-28T02:20:30.000Z\"}"));

        now.set(NOW.plusSeconds(90));
        HttpResponse<String> replay =
                send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("此前已确认");
        JsonNode after = stored("rule:hotspot:330482001|PUBLIC_ORDER:1764295200000:danghu-day");
        assertThat(after.get("_version").intValue()).isEqualTo(1);
        assertThat(after.at("/_source/at").textValue()).isEqualTo("2026-11-28T02:20:30.000Z");
    }

    @Test
    void aBadOrExpiredLinkGetsA403PageAndRecordsNothing() throws Exception {
        URI link = links.link("sla:INC-2:TOWN", "danghu-day", NOW);
        URI forged = URI.create(link.toString().replace("who=danghu-day", "who=danghu-night"));

        HttpResponse<String> bad =
                send(HttpRequest.newBuilder(forged).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(bad.body()).contains("无法确认").contains("链接签名无效");

        now.set(NOW.plus(Duration.ofHours(1)).plusSeconds(1));
        HttpResponse<String> expired =
                send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("链接已过期");
        assertThat(
                        send(HttpRequest.newBuilder(
                                                es("/" + ElasticsearchAckStore.INDEX + "/_count"))
                                        .GET())
                                .body())
                .contains("\"count\":0");
    }

    @Test
    void onlyTheAckPathAndItsMethodsAreServed() throws Exception {
        assertThat(
                        send(HttpRequest.newBuilder(server.address().resolve("/other")).GET())
                                .statusCode())
                .isEqualTo(404);
        URI link = links.link("sla:INC-1:CITY", "city-day", NOW);
        assertThat(send(HttpRequest.newBuilder(link).DELETE()).statusCode()).isEqualTo(405);
    }

    private JsonNode stored(String id) throws Exception {
        String path =
                "/"
                        + ElasticsearchAckStore.INDEX
                        + "/_doc/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8);
        return Json.mapper().readTree(send(HttpRequest.newBuilder(es(path)).GET()).body());
    }

    private static URI es(String path) {
        return URI.create(RealElasticsearch.url() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(
                request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
