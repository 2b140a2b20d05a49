package org.pingzhi.jobs.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WallClockWhileIdleTest {

    private OneInputStreamOperatorTestHarness<String, String> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new WallClockWhileIdle<>(
                                Duration.ofSeconds(3),
                                Duration.ofMillis(200),
                                record -> !record.startsWith("dead letter")));
        harness.setProcessingTime(1_000_000L);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesRecordsAndTheSourcesWatermarksThroughWhileTheSourceIsActive() throws Exception {
        harness.processElement(new StreamRecord<>("a", 500_000L));
        harness.processWatermark(new Watermark(496_999L));
        harness.setProcessingTime(1_060_000L);

        assertThat(harness.extractOutputValues()).containsExactly("a");
        assertThat(watermarks()).containsExactly(496_999L);
    }

    @Test
    void followsTheWallClockWhileTheSourceIsIdle() throws Exception {
        harness.processWatermarkStatus(WatermarkStatus.IDLE);
        harness.setProcessingTime(1_000_200L);
        harness.setProcessingTime(1_000_400L);

        assertThat(watermarks()).containsExactly(1_000_200L - 3_001, 1_000_400L - 3_001);
    }

    @Test
    void neverGoesBackWhenTheSourceIsActiveAgain() throws Exception {
        harness.processWatermarkStatus(WatermarkStatus.IDLE);
        harness.setProcessingTime(1_000_200L);
        harness.processWatermarkStatus(WatermarkStatus.ACTIVE);
        harness.processWatermark(new Watermark(900_000L));
        harness.setProcessingTime(1_060_000L);
        harness.processWatermark(new Watermark(1_010_000L));

        assertThat(watermarks()).containsExactly(1_000_200L - 3_001, 1_010_000L);
    }

    @Test
    void aRecordEndsTheIdlenessBeforeTheSourceSaysSo() throws Exception {
        harness.processWatermarkStatus(WatermarkStatus.IDLE);
        harness.setProcessingTime(1_000_200L);
        harness.processElement(new StreamRecord<>("backlog", 500_000L));
        harness.setProcessingTime(1_000_400L);
        harness.setProcessingTime(1_060_000L);

        assertThat(watermarks())
                .as("the records behind it are judged at their own time, not the wall clock's")
                .containsExactly(1_000_200L - 3_001);
    }

    @Test
    void aRecordThatIsNoSignOfLifeLeavesTheSourceIdle() throws Exception {
        harness.processWatermarkStatus(WatermarkStatus.IDLE);
        harness.processElement(new StreamRecord<>("dead letter", 500_000L));
        harness.setProcessingTime(1_000_200L);

        assertThat(watermarks()).containsExactly(1_000_200L - 3_001);
    }

    private List<Long> watermarks() {
        return harness.getOutput().stream()
                .filter(Watermark.class::isInstance)
                .map(element -> ((Watermark) element).getTimestamp())
                .toList();
    }
}
