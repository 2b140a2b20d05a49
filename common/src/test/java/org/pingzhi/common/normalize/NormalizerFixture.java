package org.pingzhi.common.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.pingzhi.common.directory.CategoryDirectory;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.privacy.CallerKeyHasher;

/** A normalizer with a known secret, valid example records, and shortcuts to normalize them. */
final class NormalizerFixture {

    static final String SECRET = "normalizer-test-secret-0123456789";
    static final CallerKeyHasher KEYS = CallerKeyHasher.withSecret(SECRET);

    /** The wall clock the fixture's normalizer sees: the morning after the example records. */
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    static final Normalizer NORMALIZER = normalizerAt(Clock.fixed(NOW, ZoneOffset.UTC));

    static final String TOPIC = "some-topic";
    static final int PARTITION = 3;
    static final long OFFSET = 42;

    private NormalizerFixture() {}

    /** The fixture's normalizer, seeing {@code clock} as the wall clock. */
    static Normalizer normalizerAt(Clock clock) {
        return new Normalizer(
                TownDirectory.loadDefault(),
                CategoryDirectory.loadDefault(),
                KEYS,
                new EventTimeBounds(EventTimeBounds.DEFAULT_MAX_AHEAD, clock));
    }

    /** A 12345 CREATE with every field of the schema set. */
    static ObjectNode hotlineCreate() {
        return object(
                """
                {"orderId": "PH2026112800101", "seq": 1, "action": "CREATE",
                 "actionTime": "2026-11-28T10:05:00+08:00", "channel": "PHONE",
                 "category": "劳动保障/工资福利/拖欠工资", "urgency": "URGENT", "town": "新仓镇",
                 "village": "新仓社区", "gridCode": "XC-03", "lat": 30.6711, "lon": 121.1181,
                 "callerPhone": "13757311111", "callerName": "李四",
                 "content": "李四反映企业拖欠工资,身份证330482199001011234,电话13757311111",
                 "unit": "新仓镇劳动关系一体化解纷站"}
                """);
    }

    /** A 110 RECEIVED with every field of the schema set. */
    static ObjectNode policeReceived() {
        return object(
                """
                {"alarmId": "J330482202611280001", "status": "RECEIVED",
                 "statusTime": 1795831200000, "alarmType": "纠纷", "level": 2,
                 "station": "当湖派出所", "lat": 30.6991, "lon": 121.0162,
                 "reporterPhone": "0573-85561234", "reporterName": "王五",
                 "summary": "邻里因停车发生争吵,王五报警,回拨85561234",
                 "officer": "当湖派出所巡逻一组"}
                """);
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static NormalizeResult normalize(Source source, byte[] bytes) {
        return NORMALIZER.normalize(source, new RawRecord(TOPIC, PARTITION, OFFSET, bytes));
    }

    static NormalizeResult normalize(Source source, String text) {
        return normalize(source, text.getBytes(StandardCharsets.UTF_8));
    }

    static UnifiedEvent accepted(Source source, ObjectNode record) {
        return accepted(source, record.toString());
    }

    static UnifiedEvent accepted(Source source, String text) {
        NormalizeResult result = normalize(source, text);
        assertThat(result).isInstanceOf(NormalizeResult.Accepted.class);
        return ((NormalizeResult.Accepted) result).event();
    }

    static DeadLetter rejected(Source source, String text) {
        return rejected(source, text.getBytes(StandardCharsets.UTF_8));
    }

    static DeadLetter rejected(Source source, byte[] bytes) {
        NormalizeResult result = normalize(source, bytes);
        assertThat(result).isInstanceOf(NormalizeResult.Rejected.class);
        return ((NormalizeResult.Rejected) result).deadLetter();
    }
}
