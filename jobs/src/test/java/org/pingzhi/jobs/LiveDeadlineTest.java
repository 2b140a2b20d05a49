package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;
import org.pingzhi.jobs.testing.RawInputs;

/** A deadline fires on time in a silent night: no record after the report moves time on. */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class LiveDeadlineTest {

    private static final int TARGET_SECONDS = 5;

    @TempDir Path folder;

    @Test
    void aBreachReachesElasticsearchWithinTheTargetPlusFiveSecondsWithNoFurtherRecords()
            throws Exception {
        try (LiveCommandCenter center =
                LiveCommandCenter.startWithTarget("e2e-deadline", folder, TARGET_SECONDS)) {
            center.awaitReading("PH-WARMUP-1");

            long reportedAt = System.currentTimeMillis();
            center.produce(
                    Source.POLICE_110,
                    List.of(RawInputs.alarm("J-SILENT-NIGHT-1", "RECEIVED", reportedAt)));
            JsonNode breached =
                    Poll.until(
                                    Duration.ofSeconds(TARGET_SECONDS + 30),
                                    "the silent incident BREACHED",
                                    () -> center.documents(DocumentKind.INCIDENT),
                                    docs ->
                                            docs.containsKey("110-J-SILENT-NIGHT-1")
                                                    && docs.get("110-J-SILENT-NIGHT-1")
                                                            .path("slaStatus")
                                                            .asText()
                                                            .equals("BREACHED"))
                            .get("110-J-SILENT-NIGHT-1");
            long seenAt = System.currentTimeMillis();

            assertThat(seenAt - reportedAt)
                    .as("breach seen %d ms after the report", seenAt - reportedAt)
                    .isLessThanOrEqualTo((TARGET_SECONDS + 5) * 1_000L);
            assertThat(breached.get("escalationLevel").asText()).isIn("TOWN", "CITY");
        }
    }
}
