package org.pingzhi.dispatch.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.testing.RealElasticsearch;
import org.pingzhi.dispatch.testing.RealKafka;

@ExtendWith({RealElasticsearch.class, RealKafka.class})
class AckServerTest {

    private static final AtomicInteger TOPICS = new AtomicInteger();

    static final Instant NOW = Instant.parse("2026-11-28T02:20:00Z");
    static final AckSignature SIGNATURE = new AckSignature(AckLinksTest.SECRET);

    final HttpClient http = HttpClient.newHttpClient();
    final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    AckServer server;
    AckLinks links;
    ElasticsearchAckStore store;
    Clock clock;
    String topic;

    @BeforeEach
    void start() throws Exception {
        send(HttpRequest.newBuilder(es("/" + ElasticsearchAckStore.INDEX)).DELETE());
        clock =
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
        store =
                new ElasticsearchAckStore(
                        http, URI.create(RealElasticsearch.url()), Optional.empty(), clock);
        store.createIndexIfMissing();
        store.createIndexIfMissing();
        topic = "acks-" + TOPICS.incrementAndGet();
        RealKafka.createTopic(topic);
        server = server(RealKafka.bootstrapServers());
        links = new AckLinks(server.address(), SIGNATURE, Duration.ofHours(1));
    }

    private AckServer server(String bootstrapServers) throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", bootstrapServers);
        return AckServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                SIGNATURE,
                store,
                new KafkaAckPublisher(kafka, topic),
                clock);
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
                                            + "\"who\":\"danghu-day\",\"at\":\"2026-11-28T02:20:30.000Z\","
                                            + "\"publishedAt\":\"2026-11-28T02:20:30.000Z\"}"));

        now.set(NOW.plusSeconds(90));
        HttpResponse<String> replay =
                send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("此前已确认");
        JsonNode after = stored("rule:hotspot:330482001|PUBLIC_ORDER:1764295200000:danghu-day");
        assertThat(after.get("_version").intValue()).isEqualTo(stored.get("_version").intValue());
        assertThat(after.at("/_source/at").textValue()).isEqualTo("2026-11-28T02:20:30.000Z");
        assertThat(RealKafka.records(topic))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(
                        tuple(
                                "rule:hotspot:330482001|PUBLIC_ORDER:1764295200000",
                                "{\"alertId\":\"rule:hotspot:330482001|PUBLIC_ORDER:1764295200000\","
                                    + "\"who\":\"danghu-day\",\"at\":\"2026-11-28T02:20:30.000Z\"}"));
    }

    @Test
    void aBrokerDownGetsARetryPageAndTheRetryPublishesTheFirstAcknowledgementOnce()
            throws Exception {
        URI link = links.link("sla:INC-3:CITY", "city-day", NOW);
        try (AckServer brokerDown = server("127.0.0.1:1")) {
            URI unreachable =
                    URI.create(
                            link.toString()
                                    .replace(
                                            server.address().toString(),
                                            brokerDown.address().toString()));
            now.set(NOW.plusSeconds(10));

            HttpResponse<String> failed =
                    send(
                            HttpRequest.newBuilder(unreachable)
                                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.body()).contains("暂时无法确认").contains("请稍后再点一次");
        }
        assertThat(RealKafka.records(topic)).isEmpty();

        now.set(NOW.plusSeconds(40));
        HttpResponse<String> retried =
                send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> replayed =
                send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).contains("已确认").doesNotContain("此前已确认");
        assertThat(replayed.body()).contains("此前已确认");
        assertThat(RealKafka.records(topic))
                .extracting(ConsumerRecord::value)
                .containsExactly(
                        "{\"alertId\":\"sla:INC-3:CITY\",\"who\":\"city-day\","
                                + "\"at\":\"2026-11-28T02:20:10.000Z\"}");
        assertThat(stored("sla:INC-3:CITY:city-day").at("/_source/publishedAt").textValue())
                .isEqualTo("2026-11-28T02:20:40.000Z");
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
        assertThat(RealKafka.records(topic)).isEmpty();
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
