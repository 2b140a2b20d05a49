package org.pingzhi.common.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.common.normalize.NormalizerFixture.hotlineCreate;
import static org.pingzhi.common.normalize.NormalizerFixture.normalize;
import static org.pingzhi.common.normalize.NormalizerFixture.object;
import static org.pingzhi.common.normalize.NormalizerFixture.policeReceived;
import static org.pingzhi.common.normalize.NormalizerFixture.rejected;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingzhi.common.model.DeadLetter;
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
            DeadLetter deadLetter = rejected(POLICE, recordOfSize(65_537));

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.TOO_LARGE);
            assertThat(deadLetter.message()).contains("65,537").contains("65,536");
            assertThat(deadLetter.value().getBytes(StandardCharsets.UTF_8)).hasSize(65_537);
        }

        @Test
        void acceptsARecordOfExactlySixtyFourKibibytes() {
            assertThat(normalize(POLICE, recordOfSize(65_536)))
                    .isInstanceOf(NormalizeResult.Accepted.class);
        }

        @Test
        void isCheckedBeforeAnythingElse() {
            byte[] garbage = new byte[70_000];
            java.util.Arrays.fill(garbage, (byte) 0xFF);

            DeadLetter deadLetter = rejected(HOTLINE, garbage);

            assertThat(deadLetter.reason()).isEqualTo(ReasonCode.TOO_LARGE);
            assertThat(deadLetter.valueBase64()).isNotNull();
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
