package org.pingzhi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalWebhookSinkTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void keepsAndPrintsEachPageAndAnswersAsARobotThatTookIt() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LocalWebhookSink sink =
                LocalWebhookSink.start(
                        0,
                        new PrintStream(printed, true, StandardCharsets.UTF_8),
                        Clock.fixed(NOW, ZoneOffset.UTC))) {
            String body = "{\"alertId\": \"sla:12345-A:TOWN\", \"text\": \"当湖街道超时\"}";

            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(sink.url("/town/330482001")))
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"errcode\":0");
            assertThat(sink.requests())
                    .containsExactly(new LocalWebhookSink.Request(NOW, "/town/330482001", body));
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("/town/330482001")
                    .contains("当湖街道超时");
        }
    }
}
