package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;
import org.pingzhi.jobs.testing.RawInputs;

/**
 * FEED_SILENCE live: 110 stops while 12345 carries on; the silence fires on 110's own clock, which
 * follows the wall clock while 110 is idle, within a few seconds of its instant, and a record that
 * returns resolves it. A dead letter on 110 in between is no sign of life.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class LiveFeedSilenceTest {

    private static final int WINDOW_SECONDS = 20;

    private static final String RULES =
            """
            {"version": "live-silence-1", "rules": [
              {"id": "silent-110", "kind": "FEED_SILENCE", "severity": "CRITICAL",
               "level": "CITY", "source": "110", "window": "PT%dS"}
            ]}
            """
                    .formatted(WINDOW_SECONDS);

    @TempDir Path folder;

    private final AtomicInteger orders = new AtomicInteger();

    /** 12345 carries on: one more order, now, each time it is asked. */
    private void anotherOrder(LiveCommandCenter center) throws Exception {
        center.produce(
                Source.HOTLINE_12345,
                List.of(
                        RawInputs.order(
                                "PH-CARRIES-ON-" + orders.incrementAndGet(),
                                System.currentTimeMillis())));
    }

    private Map<String, JsonNode> silenceAlerts(LiveCommandCenter center) throws Exception {
        anotherOrder(center);
        Map<String, JsonNode> alerts = new TreeMap<>(center.documents(DocumentKind.ALERT));
        alerts.keySet().removeIf(id -> !id.startsWith("rule:silent-110:110:"));
        return alerts;
    }

    @Test
    void police110SilentForTheWindowFiresWithinSecondsAndItsNextRecordResolvesIt()
            throws Exception {
        Path rules = Files.writeString(folder.resolve("rules.json"), RULES);
        try (LiveCommandCenter center =
                LiveCommandCenter.start(
                        LiveCommandCenter.configuration(
                                "e2e-feed-silence",
                                Map.of(
                                        "pingzhi.rules.file",
                                        rules.toString(),
                                        "pingzhi.time.startup-grace",
                                        "0 s")),
                        CommandCenterJob::wire)) {
            long lastAlarm = System.currentTimeMillis();
            center.produce(
                    Source.POLICE_110,
                    List.of(RawInputs.alarm("J-FEED-SILENCE-1", "RECEIVED", lastAlarm)));
            Poll.until(
                    Duration.ofSeconds(90),
                    "the 110 alarm indexed (the job is reading)",
                    () -> center.documents(DocumentKind.INCIDENT),
                    docs -> docs.containsKey("110-J-FEED-SILENCE-1"));
            center.produce(
                    Source.POLICE_110, List.of("not a record".getBytes(StandardCharsets.UTF_8)));

            long firesAt = lastAlarm + WINDOW_SECONDS * 1_000L;
            String alertId = "rule:silent-110:110:" + firesAt;
            JsonNode fired =
                    Poll.until(
                                    Duration.ofSeconds(WINDOW_SECONDS + 60),
                                    "the silence of 110 alerted",
                                    () -> silenceAlerts(center),
                                    alerts -> !alerts.isEmpty())
                            .get(alertId);
            long seenAt = System.currentTimeMillis();
            assertThat(fired).as("the alert of the silence after the alarm").isNotNull();
            assertThat(seenAt - firesAt)
                    .as("silence alert seen %d ms after its instant", seenAt - firesAt)
                    .isLessThanOrEqualTo(10_000L);
            assertThat(fired.get("status").asText()).isEqualTo("OPEN");
            assertThat(fired.get("windowStart").asText()).isEqualTo(Times.iso(lastAlarm));
            assertThat(fired.get("title").asText()).isNotBlank();

            long back = System.currentTimeMillis();
            center.produce(
                    Source.POLICE_110,
                    List.of(RawInputs.alarm("J-FEED-SILENCE-2", "RECEIVED", back)));
            JsonNode resolved =
                    Poll.until(
                                    Duration.ofSeconds(60),
                                    "the silence resolved by 110's next record",
                                    () -> silenceAlerts(center),
                                    alerts ->
                                            alerts.containsKey(alertId)
                                                    && alerts.get(alertId)
                                                            .path("status")
                                                            .asText()
                                                            .equals("RESOLVED"))
                            .get(alertId);
            assertThat(resolved.get("resolvedAt").asText()).isEqualTo(Times.iso(back));
            assertThat(silenceAlerts(center)).containsOnlyKeys(alertId);
        }
    }
}
