package org.pingzhi.common.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.common.normalize.NormalizerFixture.NORMALIZER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;

/** Any bytes give an event or a dead letter, never an exception; safe to share and to ship. */
class NormalizerRobustnessTest {

    private static final long SEED = 20261128L;
    private static final int ROUNDS = 5_000;

    /** JSON fragments that steer random records into the interesting corners. */
    private static final String[] VALUES = {
        "null",
        "true",
        "0",
        "-1",
        "1.0",
        "1e3",
        "9223372036854775808",
        "-0",
        "\"\"",
        "\"x\"",
        "[]",
        "{}",
        "\"CREATE\"",
        "\"RECEIVED\"",
        "\"新仓镇\"",
        "\"当湖派出所\"",
        "1795831200000",
        "\"2026-11-28T10:00:00+08:00\"",
        "\"2026-11-28T10:00:00\"",
        "\"PH2026112800101\"",
        "\"\\ud800\"",
        "\"\\u0000\"",
        "\"13757311111\"",
        "1e400",
        "[[[[[[]]]]]]",
        "\"J-1-2-3\"",
    };

    private static final String[] FIELDS = {
        "orderId", "action", "actionTime", "town", "linkedAlarmId", "seq", "channel", "category",
        "urgency", "village", "gridCode", "lat", "lon", "callerPhone", "callerName", "content",
        "unit", "alarmId", "status", "statusTime", "station", "alarmType", "level", "officer",
        "reporterPhone", "reporterName", "summary",
    };

    @Test
    void survivesRandomBytes() {
        Random random = new Random(SEED);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            assertWellFormed(Source.values()[i % 2], bytes);
        }
    }

    @Test
    void survivesMutatedSampleLines() {
        Random random = new Random(SEED);
        List<byte[]> lines = new ArrayList<>();
        for (Source source : Source.values()) {
            SampleLines.of(source).stream().map(RawRecord::value).forEach(lines::add);
        }
        for (int i = 0; i < ROUNDS; i++) {
            byte[] line = lines.get(random.nextInt(lines.size())).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips && line.length > 0; f++) {
                line[random.nextInt(line.length)] = (byte) random.nextInt(256);
            }
            int cut = line.length == 0 ? 0 : random.nextInt(line.length + 1);
            byte[] mutated = random.nextBoolean() ? line : Arrays.copyOf(line, cut);
            assertWellFormed(Source.values()[i % 2], mutated);
        }
    }

    @Test
    void survivesValidRecordsWithRandomFieldsReplacedOrRemoved() {
        Random random = new Random(SEED);
        int accepted = 0;
        for (int i = 0; i < ROUNDS; i++) {
            Source source = Source.values()[i % 2];
            ObjectNode record =
                    source == Source.HOTLINE_12345
                            ? NormalizerFixture.hotlineCreate()
                            : NormalizerFixture.policeReceived();
            int changes = random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                String field = FIELDS[random.nextInt(FIELDS.length)];
                if (random.nextInt(5) == 0) {
                    record.remove(field);
                } else {
                    record.set(
                            field,
                            NormalizerFixture.object(
                                            "{\"v\":" + VALUES[random.nextInt(VALUES.length)] + "}")
                                    .get("v"));
                }
            }
            NormalizeResult result =
                    assertWellFormed(source, record.toString().getBytes(StandardCharsets.UTF_8));
            accepted += result instanceof NormalizeResult.Accepted ? 1 : 0;
        }
        assertThat(accepted).as("valid and invalid records both occur").isBetween(1, ROUNDS - 1);
    }

    @Test
    void givesTheSameResultsAfterJavaSerialization() throws Exception {
        Normalizer copy = InstantiationUtil.clone(NORMALIZER);

        for (Source source : Source.values()) {
            for (RawRecord record : SampleLines.of(source)) {
                assertThat(copy.normalize(source, record))
                        .isEqualTo(NORMALIZER.normalize(source, record));
            }
        }
    }

    @Test
    void givesTheSameResultsFromManyThreads() throws Exception {
        List<RawRecord> records = SampleLines.of(Source.HOTLINE_12345);
        List<NormalizeResult> expected =
                records.stream().map(r -> NORMALIZER.normalize(Source.HOTLINE_12345, r)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<NormalizeResult>>> runs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                runs.add(
                        pool.submit(
                                () ->
                                        records.stream()
                                                .map(
                                                        r ->
                                                                NORMALIZER.normalize(
                                                                        Source.HOTLINE_12345, r))
                                                .toList()));
            }
            for (Future<List<NormalizeResult>> run : runs) {
                assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Normalizes without an exception, and the result can be written as JSON. */
    private static NormalizeResult assertWellFormed(Source source, byte[] bytes) {
        RawRecord record = new RawRecord(source.defaultTopic(), 0, 7, bytes);
        NormalizeResult result = NORMALIZER.normalize(source, record);

        assertThat(result).isNotNull();
        if (result instanceof NormalizeResult.Rejected rejected) {
            DeadLetter deadLetter = rejected.deadLetter();
            assertThat(deadLetter.message()).isNotBlank();
            assertThat(deadLetter.offset()).isEqualTo(7);
            byte[] kept = Arrays.copyOf(bytes, Math.min(bytes.length, Normalizer.MAX_RECORD_BYTES));
            if (deadLetter.value() != null) {
                byte[] text = deadLetter.value().getBytes(StandardCharsets.UTF_8);
                // a TOO_LARGE record's text ends before a character its cut left incomplete
                assertThat(kept.length - text.length).isBetween(0, bytes == kept ? 0 : 3);
                assertThat(text).isEqualTo(Arrays.copyOf(kept, text.length));
                assertThat(deadLetter.valueBase64()).isNull();
            } else {
                assertThat(Base64.getDecoder().decode(deadLetter.valueBase64())).isEqualTo(kept);
            }
            Json.toBytes(deadLetter);
        } else {
            Json.toBytes(((NormalizeResult.Accepted) result).event());
        }
        return result;
    }
}
