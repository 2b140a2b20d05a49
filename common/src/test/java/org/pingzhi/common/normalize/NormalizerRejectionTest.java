package org.pingzhi.common.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.common.normalize.NormalizerFixture.hotlineCreate;
import static org.pingzhi.common.normalize.NormalizerFixture.normalize;
import static org.pingzhi.common.normalize.NormalizerFixture.object;
import static org.pingzhi.common.normalize.NormalizerFixture.policeReceived;
import static org.pingzhi.common.normalize.NormalizerFixture.rejected;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.Source;

/** Every reason code, the order they are checked in, and what the dead letter keeps. */
class NormalizerRejectionTest {

    private static final Source HOTLINE = Source.HOTLINE_12345;
    private static final Source POLICE = Source.POLICE_110;

    /** A record with one field replaced by a raw JSON value. */
    private static String with(ObjectNode record, String field, String rawJson) {
        ObjectNode copy = record.deepCopy();
        copy.set(field, object("{\"v\": " + rawJson + "}").get("v"));
        return copy.toString();
    }

    private static String without(ObjectNode record, String... fields) {
        ObjectNode copy = record.deepCopy();
        copy.remove(java.util.List.of(fields));
        return copy.toString();
    }

    @Nested
    class DeadLetterContents {

        @Test
        void keepsTheOriginalTextAndWhereItCameFrom() {
            String text = "{\"orderId\": \"PH1\", \"callerPhone\": \"13757311111\"";

            DeadLetter deadLetter = rejected(HOTLINE, text);

            assertThat(deadLetter)
                    .isEqualTo(
                            new DeadLetter(
                                    ReasonCode.INVALID_JSON,
                                    deadLetter.message(),
                                    NormalizerFixture.TOPIC,
                                    NormalizerFixture.PARTITION,
                                    NormalizerFixture.OFFSET,
                                    text,
                                    null,
                                    null,
                                    null,
                                    null));
        }

        @Test
        void keepsBytesThatAreNotUtf8AsBase64() {
            byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};

            DeadLetter deadLetter = rejected(POLICE, bytes);

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.INVALID_JSON);
            assertThat(deadLetter.message()).contains("UTF-8");
            assertThat(deadLetter.value()).isNull();
            assertThat(Base64.getDecoder().decode(deadLetter.valueBase64())).isEqualTo(bytes);
        }

        @Test
        void neverEchoesAFieldValueInTheMessage() {
            ObjectNode record = hotlineCreate();
            record.put("town", "13757311111");

            DeadLetter deadLetter = rejected(HOTLINE, record.toString());

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.UNKNOWN_TOWN);
            assertThat(deadLetter.message()).contains("town").doesNotContain("1375731");
        }
    }

    @Nested
    class TooLarge {

        @Test
        void rejectsARecordOverSixtyFourKibibytes() {
            byte[] record = recordOfSize(65_537);

            DeadLetter deadLetter = rejected(POLICE, record);

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.TOO_LARGE);
            assertThat(deadLetter.message()).contains("65,537").contains("65,536");
            assertThat(deadLetter.value().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(Arrays.copyOf(record, 65_536));
            assertThat(deadLetter.originalBytes()).isEqualTo(65_537L);
            assertThat(deadLetter.sha256()).isEqualTo(sha256(record));
        }

        @Test
        void keepsTheFirstSixtyFourKibibytesCutAtACharacterBoundary() {
            // "a" then 3-byte characters: byte 65,536 is the first byte of a character
            byte[] record = ("a" + "平".repeat(30_000)).getBytes(StandardCharsets.UTF_8);

            DeadLetter deadLetter = rejected(HOTLINE, record);

            assertThat(deadLetter.value()).isEqualTo("a" + "平".repeat(21_845));
            assertThat(deadLetter.valueBase64()).isNull();
            assertThat(deadLetter.originalBytes()).isEqualTo(90_001L);
            assertThat(deadLetter.sha256()).isEqualTo(sha256(record));
        }

        @Test
        void keepsControlCharactersWithinTheLimitWhateverTheRecordsLength() {
            byte[] record = new byte[200_000];
            Arrays.fill(record, (byte) 0x01);

            DeadLetter deadLetter = rejected(HOTLINE, record);

            assertThat(deadLetter.value()).isEqualTo("\u0001".repeat(65_536));
            assertThat(deadLetter.originalBytes()).isEqualTo(200_000L);
            assertThat(deadLetter.sha256()).isEqualTo(sha256(record));
        }

        @Test
        void keepsTheFirstSixtyFourKibibytesOfBytesThatAreNotUtf8AsBase64() {
            byte[] record = new byte[800_000];
            Arrays.fill(record, (byte) 0xFF);

            DeadLetter deadLetter = rejected(POLICE, record);

            assertThat(deadLetter.value()).isNull();
            assertThat(Base64.getDecoder().decode(deadLetter.valueBase64()))
                    .isEqualTo(Arrays.copyOf(record, 65_536));
            assertThat(deadLetter.originalBytes()).isEqualTo(800_000L);
            assertThat(deadLetter.sha256()).isEqualTo(sha256(record));
        }

        @Test
        void takesLengthAndHashOfARecordReadOnlyInPartFromTheRecord() {
            byte[] firstBytes = "x".repeat(65_536).getBytes(StandardCharsets.UTF_8);
            String hash = "ab".repeat(32);

            DeadLetter deadLetter =
                    NormalizerFixture.NORMALIZER.normalize(
                                            POLICE,
                                            RawRecord.truncated(
                                                    "t", 0, 7, firstBytes, 3_000_000_000L, hash))
                                    instanceof NormalizeResult.Rejected rejected
                            ? rejected.deadLetter()
                            : null;

            assertThat(deadLetter).isNotNull();
            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.TOO_LARGE);
            assertThat(deadLetter.message()).contains("3,000,000,000");
            assertThat(deadLetter.value()).hasSize(65_536);
            assertThat(deadLetter.originalBytes()).isEqualTo(3_000_000_000L);
            assertThat(deadLetter.sha256()).isEqualTo(hash);
        }

        @Test
        void leavesLengthAndHashOutOfOtherDeadLetters() {
            DeadLetter deadLetter = rejected(POLICE, "{}");

            assertThat(deadLetter.originalBytes()).isNull();
            assertThat(deadLetter.sha256()).isNull();
        }

        @Test
        void acceptsARecordOfExactlySixtyFourKibibytes() {
            assertThat(normalize(POLICE, recordOfSize(65_536)))
                    .isInstanceOf(NormalizeResult.Accepted.class);
        }

        @Test
        void isCheckedBeforeAnythingElse() {
            byte[] garbage = new byte[70_000];
            Arrays.fill(garbage, (byte) 0xFF);

            DeadLetter deadLetter = rejected(HOTLINE, garbage);

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.TOO_LARGE);
            assertThat(deadLetter.valueBase64()).isNotNull();
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        /** A valid 110 record padded with an unknown field to exactly {@code size} bytes. */
        private static byte[] recordOfSize(int size) {
            ObjectNode record = policeReceived();
            record.put("padding", "");
            int missing = size - record.toString().getBytes(StandardCharsets.UTF_8).length;
            record.put("padding", "p".repeat(missing));
            byte[] bytes = record.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(bytes).hasSize(size);
            return bytes;
        }
    }

    @Nested
    class InvalidJson {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "   ",
                    "{\"orderId\": \"PH2026112800199\", \"action\": \"CREATE\", \"actionTime\": ",
                    "not json",
                    "[]",
                    "[{\"orderId\": \"PH2026112800101\"}]",
                    "\"a string\"",
                    "42",
                    "null",
                    "true",
                    "{\"orderId\": 'single-quoted'}",
                    "{orderId: \"PH2026112800101\"}",
                    "{\"a\": 1,}",
                    "{\"a\": NaN}",
                    "{} trailing",
                    "{}{}",
                    "{\"a\": 1} // comment",
                    "{\"town\": \"新仓镇\", \"town\": \"当湖街道\"}",
                })
        void rejectsWhatIsNotOneJsonObject(String text) {
            DeadLetter deadLetter = rejected(HOTLINE, text);

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.INVALID_JSON);
            assertThat(deadLetter.value()).isEqualTo(text);
        }

        @Test
        void rejectsAValidRecordFollowedByGarbage() {
            assertThat(rejected(POLICE, policeReceived() + " x").reason())
                    .isEqualTo(ReasonCode.INVALID_JSON);
        }

        @Test
        void rejectsAValidRecordWithAnInvalidUtf8Byte() {
            byte[] bytes = policeReceived().toString().getBytes(StandardCharsets.UTF_8);
            byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length);
            broken[bytes.length - 3] = (byte) 0xFF;

            DeadLetter deadLetter = rejected(POLICE, broken);

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.INVALID_JSON);
            assertThat(deadLetter.valueBase64())
                    .isEqualTo(Base64.getEncoder().encodeToString(broken));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "C0AF", // overlong '/'
                    "EDA080", // an encoded surrogate (CESU-8)
                    "F4908080", // beyond U+10FFFF
                    "E4B8", // truncated sequence
                })
        void decodesUtf8Strictly(String hex) {
            byte[] value = java.util.HexFormat.of().parseHex(hex);
            byte[] bytes = new byte[value.length + 4];
            bytes[0] = '"';
            System.arraycopy(value, 0, bytes, 1, value.length);
            bytes[value.length + 1] = '"';
            bytes[value.length + 2] = ' ';
            bytes[value.length + 3] = ' ';

            DeadLetter deadLetter = rejected(HOTLINE, bytes);

            assertThat(deadLetter.message()).contains("UTF-8");
            assertThat(deadLetter.value()).isNull();
        }

        @Test
        void rejectsNestingTooDeepToParseSafely() {
            String deep = "[".repeat(30_000) + "]".repeat(30_000);
            String text = "{\"alarmId\": \"J1234567\", \"x\": " + deep + "}";

            assertThat(rejected(POLICE, text).reason()).isEqualTo(ReasonCode.INVALID_JSON);
        }

        @Test
        void reportsWhereTheJsonBreaksWithoutQuotingIt() {
            DeadLetter deadLetter = rejected(HOTLINE, "{\"content\": 13757311111x}");

            assertThat(deadLetter.message())
                    .contains("not valid JSON")
                    .contains("line 1")
                    .doesNotContain("1375731");
        }
    }

    @Nested
    class MissingField {

        @ParameterizedTest
        @ValueSource(strings = {"orderId", "action", "actionTime", "town"})
        void rejectsA12345RecordWithoutARequiredField(String field) {
            DeadLetter deadLetter = rejected(HOTLINE, without(hotlineCreate(), field));

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.MISSING_FIELD);
            assertThat(deadLetter.message()).contains(field);
        }

        @ParameterizedTest
        @ValueSource(strings = {"alarmId", "status", "statusTime", "station"})
        void rejectsA110RecordWithARequiredFieldNull(String field) {
            DeadLetter deadLetter = rejected(POLICE, with(policeReceived(), field, "null"));

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.MISSING_FIELD);
            assertThat(deadLetter.message()).contains(field);
        }

        @Test
        void namesEveryMissingField() {
            DeadLetter deadLetter = rejected(POLICE, "{}");

            assertThat(deadLetter.message()).contains("alarmId", "status", "statusTime", "station");
        }

        @Test
        void isCheckedOverTheWholeRecordBeforeFieldValues() {
            String text = "{\"orderId\": 1, \"action\": \"ESCALATE\", \"actionTime\": \"x\"}";

            assertThat(rejected(HOTLINE, text).reason()).isEqualTo(ReasonCode.MISSING_FIELD);
        }

        @Test
        void readsTheRecordOfItsOwnSource() {
            assertThat(rejected(POLICE, hotlineCreate().toString()).reason())
                    .isEqualTo(ReasonCode.MISSING_FIELD);
        }
    }

    @Nested
    class InvalidField {

        @ParameterizedTest(name = "12345 {0} = {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "orderId | 2026112800101",
                    "orderId | \"PH01\"",
                    "orderId | \"PH 2026112800101\"",
                    "orderId | \"PH_2026112800101\"",
                    "orderId | \"工单2026112800101\"",
                    "orderId |"
                        + " \"P12345678901234567890123456789012345678901234567890123456789012345\"",
                    "action | \"ESCALATE\"",
                    "action | \"create\"",
                    "action | 1",
                    "actionTime | 1795831200000",
                    "actionTime | {}",
                    "town | 330482102",
                    "town | [\"新仓镇\"]",
                    "linkedAlarmId | 330482202611280004",
                    "linkedAlarmId | \"\"",
                    "linkedAlarmId | \"J-0004 \"",
                    "linkedAlarmId | true",
                })
        void rejectsAWrongRequiredOrLinkingField(String field, String rawJson) {
            DeadLetter deadLetter = rejected(HOTLINE, with(hotlineCreate(), field, rawJson));

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.INVALID_FIELD);
            assertThat(deadLetter.message()).contains("'" + field + "'");
        }

        @ParameterizedTest(name = "110 {0} = {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "alarmId | 330482202611280001",
                    "alarmId | \"J3304/0001\"",
                    "status | \"TRANSFERRED_12345 \"",
                    "status | \"REOPEN\"",
                    "statusTime | 1795831200000.0",
                    "statusTime | 1.7958312E12",
                    "statusTime | 1e3",
                    "statusTime | 1.0",
                    "statusTime | \"1795831200000\"",
                    "statusTime | \"2026-11-28T10:00:00+08:00\"",
                    "statusTime | true",
                    "statusTime | -1.5",
                    "station | 1",
                })
        void rejectsAWrongRequiredField(String field, String rawJson) {
            DeadLetter deadLetter = rejected(POLICE, with(policeReceived(), field, rawJson));

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.INVALID_FIELD);
            assertThat(deadLetter.message()).contains("'" + field + "'");
        }

        @Test
        void isCheckedOverTheWholeRecordBeforeTimestamps() {
            ObjectNode record = hotlineCreate();
            record.put("actionTime", "yesterday");
            record.put("orderId", "x");

            assertThat(rejected(HOTLINE, record.toString()).reason())
                    .isEqualTo(ReasonCode.INVALID_FIELD);
        }
    }

    @Nested
    class BadTimestamp {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "2026-11-28T10:00:00",
                    "28/11/2026 10:00",
                    "2026-11-28 10:00:00+08:00",
                    "2026-11-28T10:00+08:00",
                    "2026-02-30T10:00:00+08:00",
                    "",
                })
        void rejectsA12345ActionTimeThatIsNotRfc3339(String actionTime) {
            ObjectNode record = hotlineCreate();
            record.put("actionTime", actionTime);

            DeadLetter deadLetter = rejected(HOTLINE, record.toString());

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
            assertThat(deadLetter.message()).contains("actionTime");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "-1",
                    "-1795831200000",
                    "9223372036854775808",
                    "10000000000000000000000000000000000000000"
                })
        void rejectsA110StatusTimeThatIsNegativeOrOverflows(String statusTime) {
            DeadLetter deadLetter =
                    rejected(POLICE, with(policeReceived(), "statusTime", statusTime));

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
            assertThat(deadLetter.message()).contains("statusTime");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1999-12-31T23:59:59.999Z",
                    "1970-01-01T00:00:00Z",
                    "2026-11-28T12:05:00.001Z",
                    "2100-01-01T00:00:00+08:00",
                    "9999-12-31T23:59:59Z"
                })
        void rejectsA12345ActionTimeThatCannotBeTrue(String actionTime) {
            DeadLetter deadLetter =
                    rejected(HOTLINE, hotlineCreate().put("actionTime", actionTime).toString());

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
            assertThat(deadLetter.message()).contains("actionTime");
        }

        @ParameterizedTest
        @ValueSource(
                longs = {
                    0L,
                    1_795_831_200L, // seconds, not milliseconds
                    946_684_799_999L,
                    1_795_867_500_001L, // 5 minutes and 1 ms after the wall clock
                    4_102_444_800_000L, // 2100
                    Long.MAX_VALUE
                })
        void rejectsA110StatusTimeThatCannotBeTrue(long statusTime) {
            DeadLetter deadLetter =
                    rejected(POLICE, policeReceived().put("statusTime", statusTime).toString());

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
            assertThat(deadLetter.message()).contains("statusTime");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2000-01-01T00:00:00Z", "2026-11-28T12:05:00Z"})
        void acceptsTheBoundsThemselves(String actionTime) {
            assertThat(normalize(HOTLINE, hotlineCreate().put("actionTime", actionTime).toString()))
                    .isInstanceOf(NormalizeResult.Accepted.class);
        }

        @Test
        void boundsTheFutureByTheWallClockAtNormalization() {
            String record = hotlineCreate().put("actionTime", "2026-11-28T13:00:00Z").toString();
            Normalizer later =
                    NormalizerFixture.normalizerAt(
                            Clock.fixed(Instant.parse("2026-11-28T12:55:00Z"), ZoneOffset.UTC));

            assertThat(normalize(HOTLINE, record)).isInstanceOf(NormalizeResult.Rejected.class);
            assertThat(later.normalize(HOTLINE, new RawRecord("t", 0, 0, bytes(record))))
                    .isInstanceOf(NormalizeResult.Accepted.class);
        }

        @Test
        void takesHowFarAheadFromTheConfiguration() {
            Clock clock = Clock.fixed(NormalizerFixture.NOW, ZoneOffset.UTC);
            Normalizer lenient =
                    Normalizer.fromConfiguration(
                            Configuration.fromMap(
                                    Map.of("pingzhi.normalize.max-event-time-ahead", "1 h")),
                            clock);
            String record = hotlineCreate().put("actionTime", "2026-11-28T12:59:59Z").toString();

            assertThat(normalize(HOTLINE, record)).isInstanceOf(NormalizeResult.Rejected.class);
            assertThat(lenient.normalize(HOTLINE, new RawRecord("t", 0, 0, bytes(record))))
                    .isInstanceOf(NormalizeResult.Accepted.class);
        }

        @Test
        void checksTheBoundsBeforeTheTown() {
            ObjectNode record = policeReceived();
            record.put("statusTime", Long.MAX_VALUE);
            record.put("station", "上海派出所");

            assertThat(rejected(POLICE, record.toString()).reason())
                    .isEqualTo(ReasonCode.BAD_TIMESTAMP);
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Test
        void isCheckedOverTheWholeRecordBeforeTheTown() {
            ObjectNode record = policeReceived();
            record.put("statusTime", -5);
            record.put("station", "上海派出所");

            assertThat(rejected(POLICE, record.toString()).reason())
                    .isEqualTo(ReasonCode.BAD_TIMESTAMP);
        }
    }

    @Nested
    class UnknownTown {

        @ParameterizedTest
        @ValueSource(strings = {"上海市", "新仓镇 ", "新仓", "新仓派出所", ""})
        void rejectsA12345TownNotInTheDirectory(String town) {
            ObjectNode record = hotlineCreate();
            record.put("town", town);

            DeadLetter deadLetter = rejected(HOTLINE, record.toString());

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.UNKNOWN_TOWN);
            assertThat(deadLetter.message()).contains("'town'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"上海派出所", "当湖街道", "当湖派出所\t"})
        void rejectsA110StationNotInTheDirectory(String station) {
            ObjectNode record = policeReceived();
            record.put("station", station);

            DeadLetter deadLetter = rejected(POLICE, record.toString());

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.UNKNOWN_TOWN);
            assertThat(deadLetter.message()).contains("'station'");
        }
    }
}
