package org.pingzhi.common.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.common.normalize.NormalizerFixture.KEYS;
import static org.pingzhi.common.normalize.NormalizerFixture.accepted;
import static org.pingzhi.common.normalize.NormalizerFixture.hotlineCreate;
import static org.pingzhi.common.normalize.NormalizerFixture.object;
import static org.pingzhi.common.normalize.NormalizerFixture.policeReceived;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.model.UnifiedStatus;

/** How a valid record becomes a unified event. */
class NormalizerMappingTest {

    private static final Source HOTLINE = Source.HOTLINE_12345;
    private static final Source POLICE = Source.POLICE_110;

    private static ObjectNode with(ObjectNode record, String field, String rawJson) {
        record.set(field, object("{\"v\": " + rawJson + "}").get("v"));
        return record;
    }

    @Test
    void mapsAComplete12345Record() {
        UnifiedEvent event = accepted(HOTLINE, hotlineCreate());

        assertThat(event)
                .isEqualTo(
                        new UnifiedEvent(
                                "12345-PH2026112800101",
                                HOTLINE,
                                UnifiedStatus.REPORTED,
                                "CREATE",
                                Instant.parse("2026-11-28T02:05:00Z").toEpochMilli(),
                                null,
                                "PH2026112800101",
                                "LABOUR",
                                "劳动保障/工资福利/拖欠工资",
                                Priority.P2,
                                "330482102",
                                "新仓镇",
                                "新仓社区",
                                "XC-03",
                                30.6711,
                                121.1181,
                                KEYS.keyOf("13757311111"),
                                "**反映企业拖欠工资,身份证330482********1234,电话137****1111",
                                "新仓镇劳动关系一体化解纷站",
                                "PHONE",
                                1));
    }

    @Test
    void mapsAComplete110Record() {
        UnifiedEvent event = accepted(POLICE, policeReceived());

        assertThat(event)
                .isEqualTo(
                        new UnifiedEvent(
                                "110-J330482202611280001",
                                POLICE,
                                UnifiedStatus.REPORTED,
                                "RECEIVED",
                                1795831200000L,
                                "J330482202611280001",
                                null,
                                "DISPUTE",
                                "纠纷",
                                Priority.P2,
                                "330482001",
                                "当湖街道",
                                null,
                                null,
                                30.6991,
                                121.0162,
                                KEYS.keyOf("057385561234"),
                                "邻里因停车发生争吵,**报警,回拨****1234",
                                "当湖派出所巡逻一组",
                                null,
                                null));
    }

    @Nested
    class Lifecycle {

        @ParameterizedTest(name = "12345 {0} -> {1}")
        @CsvSource({
            "CREATE, REPORTED",
            "ASSIGN, DISPATCHED",
            "SIGN, ACCEPTED",
            "ARRIVE, ON_SCENE",
            "REPLY, RESOLVED",
            "CLOSE, CLOSED",
            "REOPEN, REOPENED",
            "REVOKE, CANCELLED",
        })
        void mapsEvery12345Action(String action, UnifiedStatus status) {
            UnifiedEvent event = accepted(HOTLINE, hotlineCreate().put("action", action));

            assertThat(event.status()).isEqualTo(status);
            assertThat(event.rawStatus()).isEqualTo(action);
        }

        @ParameterizedTest(name = "110 {0} -> {1}")
        @CsvSource({
            "RECEIVED, REPORTED",
            "DISPATCHED, DISPATCHED",
            "TRANSFERRED_12345, DISPATCHED",
            "ARRIVED, ON_SCENE",
            "FINISHED, RESOLVED",
            "CLOSED, CLOSED",
            "CANCELLED, CANCELLED",
        })
        void mapsEvery110Status(String status, UnifiedStatus unified) {
            UnifiedEvent event = accepted(POLICE, policeReceived().put("status", status));

            assertThat(event.status()).isEqualTo(unified);
            assertThat(event.rawStatus()).isEqualTo(status);
        }

        @Test
        void coversEveryUpstreamValue() {
            assertThat(HotlineAction.values()).hasSize(8);
            assertThat(PoliceStatus.values()).hasSize(7);
        }
    }

    @Nested
    class IncidentIds {

        @Test
        void givesAHandedOver12345OrderTheIncidentOfIts110Alarm() {
            ObjectNode record = hotlineCreate().put("linkedAlarmId", "J330482202611280004");

            UnifiedEvent event = accepted(HOTLINE, record);

            assertThat(event.incidentId()).isEqualTo("110-J330482202611280004");
            assertThat(event.alarmId()).isEqualTo("J330482202611280004");
            assertThat(event.orderId()).isEqualTo("PH2026112800101");
            assertThat(event.source()).isEqualTo(HOTLINE);
        }

        @Test
        void treatsANullLinkedAlarmIdAsAbsent() {
            UnifiedEvent event = accepted(HOTLINE, with(hotlineCreate(), "linkedAlarmId", "null"));

            assertThat(event.incidentId()).isEqualTo("12345-PH2026112800101");
            assertThat(event.alarmId()).isNull();
        }

        @Test
        void givesA110AlarmItsOwnIncident() {
            UnifiedEvent event = accepted(POLICE, policeReceived().put("alarmId", "A-1-b-2"));

            assertThat(event.incidentId()).isEqualTo("110-A-1-b-2");
            assertThat(event.orderId()).isNull();
        }
    }

    @Nested
    class Timestamps {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "2026-11-28T10:15:30+08:00, 2026-11-28T02:15:30Z",
            "2026-11-28T02:15:30Z, 2026-11-28T02:15:30Z",
            "2026-11-28T10:15:30.987654+08:00, 2026-11-28T02:15:30.987Z",
        })
        void reads12345IsoTimesWithOffset(String actionTime, String instant) {
            UnifiedEvent event = accepted(HOTLINE, hotlineCreate().put("actionTime", actionTime));

            assertThat(event.eventTime()).isEqualTo(Instant.parse(instant).toEpochMilli());
        }

        @ParameterizedTest
        @ValueSource(longs = {946_684_800_000L, 1795831200000L, 1795831200001L})
        void reads110EpochMilliseconds(long statusTime) {
            UnifiedEvent event = accepted(POLICE, policeReceived().put("statusTime", statusTime));

            assertThat(event.eventTime()).isEqualTo(statusTime);
        }
    }

    @Nested
    class CategoryAndPriority {

        @Test
        void hasNoCategoryWithoutACategoryField() {
            ObjectNode hotline = hotlineCreate();
            hotline.remove("category");
            ObjectNode police = policeReceived();
            police.remove("alarmType");

            assertThat(accepted(HOTLINE, hotline))
                    .extracting(UnifiedEvent::category, UnifiedEvent::rawCategory)
                    .containsExactly(null, null);
            assertThat(accepted(POLICE, police))
                    .extracting(UnifiedEvent::category, UnifiedEvent::rawCategory)
                    .containsExactly(null, null);
        }

        @Test
        void mapsUnknownCategoriesToOther() {
            UnifiedEvent hotline = accepted(HOTLINE, hotlineCreate().put("category", "宠物/走失"));
            UnifiedEvent police = accepted(POLICE, policeReceived().put("alarmType", "噪音"));

            assertThat(hotline.category()).isEqualTo("OTHER");
            assertThat(hotline.rawCategory()).isEqualTo("宠物/走失");
            assertThat(police.category()).isEqualTo("OTHER");
            assertThat(police.rawCategory()).isEqualTo("噪音");
        }

        @Test
        void mapsKnownCategoriesThroughTheDirectory() {
            assertThat(
                            accepted(HOTLINE, hotlineCreate().put("category", "公共安全/消防安全/电动车飞线充电"))
                                    .category())
                    .isEqualTo("FIRE_SAFETY");
            assertThat(accepted(POLICE, policeReceived().put("alarmType", "火灾")).category())
                    .isEqualTo("FIRE_SAFETY");
        }

        @ParameterizedTest(name = "urgency {0} -> {1}")
        @CsvSource({
            "'\"EMERGENCY\"', P1",
            "'\"URGENT\"', P2",
            "'\"NORMAL\"', P3",
            "'\"urgent\"', ",
            "'\"CRITICAL\"', ",
            "1, ",
            "null, ",
        })
        void mapsUrgencyToPriority(String rawJson, Priority priority) {
            assertThat(accepted(HOTLINE, with(hotlineCreate(), "urgency", rawJson)).priority())
                    .isEqualTo(priority);
        }

        @ParameterizedTest(name = "level {0} -> {1}")
        @CsvSource({
            "1, P1",
            "2, P2",
            "3, P3",
            "0, ",
            "4, ",
            "-1, ",
            "'\"1\"', ",
            "1.5, ",
            "2.0, ",
            "null, ",
        })
        void mapsLevelToPriority(String rawJson, Priority priority) {
            assertThat(accepted(POLICE, with(policeReceived(), "level", rawJson)).priority())
                    .isEqualTo(priority);
        }

        @Test
        void hasNoPriorityWhenAbsent() {
            ObjectNode hotline = hotlineCreate();
            hotline.remove("urgency");
            ObjectNode police = policeReceived();
            police.remove("level");

            assertThat(accepted(HOTLINE, hotline).priority()).isNull();
            assertThat(accepted(POLICE, police).priority()).isNull();
        }
    }

    @Nested
    class OptionalFields {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "seq | -1",
                    "seq | 1.5",
                    "seq | \"3\"",
                    "seq | 2147483648",
                    "channel | \"FAX\"",
                    "channel | \"phone\"",
                    "channel | 1",
                    "lat | 90.0001",
                    "lat | -91",
                    "lat | \"30.67\"",
                    "lat | 1e400",
                    "lon | 180.5",
                    "lon | -181",
                    "lon | [121]",
                    "village | 12",
                    "gridCode | {}",
                    "unit | false",
                    "category | 42",
                })
        void dropsAMalformed12345OptionalField(String field, String rawJson) {
            UnifiedEvent event = accepted(HOTLINE, with(hotlineCreate(), field, rawJson));

            ObjectNode json = (ObjectNode) Json.mapper().valueToTree(event);
            String eventField = field.equals("category") ? "rawCategory" : field;
            assertThat(json.get(eventField).isNull()).as(eventField).isTrue();
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "lat | 100",
                    "lon | \"121.0\"",
                    "officer | 7",
                    "alarmType | []",
                })
        void dropsAMalformed110OptionalField(String field, String rawJson) {
            UnifiedEvent event = accepted(POLICE, with(policeReceived(), field, rawJson));

            ObjectNode json = (ObjectNode) Json.mapper().valueToTree(event);
            String eventField =
                    switch (field) {
                        case "officer" -> "unit";
                        case "alarmType" -> "rawCategory";
                        default -> field;
                    };
            assertThat(json.get(eventField).isNull()).as(eventField).isTrue();
        }

        @Test
        void keepsBoundaryValues() {
            UnifiedEvent event =
                    accepted(
                            HOTLINE,
                            hotlineCreate()
                                    .put("lat", -90)
                                    .put("lon", 180)
                                    .put("seq", 0)
                                    .put("channel", "TRANSFER_110"));

            assertThat(event.lat()).isEqualTo(-90.0);
            assertThat(event.lon()).isEqualTo(180.0);
            assertThat(event.seq()).isZero();
            assertThat(event.channel()).isEqualTo("TRANSFER_110");
        }

        @Test
        void cutsOverLongTextInsteadOfRejecting() {
            UnifiedEvent hotline =
                    accepted(
                            HOTLINE,
                            hotlineCreate()
                                    .put("village", "村".repeat(101))
                                    .put("gridCode", "G".repeat(65))
                                    .put("unit", "队".repeat(201))
                                    .put("category", "公共安全/" + "长".repeat(300))
                                    .put("content", "诉".repeat(20_001)));
            UnifiedEvent police =
                    accepted(
                            POLICE,
                            policeReceived()
                                    .put("officer", "警".repeat(101))
                                    .put("alarmType", "火灾" + "长".repeat(100))
                                    .put("summary", "\uD83D\uDE00".repeat(501)));

            assertThat(hotline.village()).isEqualTo("村".repeat(100));
            assertThat(hotline.gridCode()).isEqualTo("G".repeat(64));
            assertThat(hotline.unit()).isEqualTo("队".repeat(200));
            assertThat(hotline.rawCategory()).hasSize(200).startsWith("公共安全/");
            assertThat(hotline.category()).isEqualTo("PUBLIC_SECURITY");
            assertThat(hotline.summary()).isEqualTo("诉".repeat(500));
            assertThat(police.unit()).isEqualTo("警".repeat(100));
            assertThat(police.rawCategory()).hasSize(100);
            assertThat(police.category()).isEqualTo("OTHER");
            assertThat(police.summary()).isEqualTo("\uD83D\uDE00".repeat(500));
        }

        @Test
        void makesLoneSurrogatesFromJsonEscapesWritable() {
            String text = hotlineCreate().toString().replace("新仓社区", "\\ud800");

            UnifiedEvent event = accepted(HOTLINE, text);

            assertThat(event.village()).isEqualTo("\uFFFD");
            assertThat(new String(Json.toBytes(event), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\uFFFD");
        }

        @Test
        void acceptsAMinimalRecord() {
            UnifiedEvent event =
                    accepted(
                            POLICE,
                            object(
                                    "{\"alarmId\": \"J1234567\", \"status\": \"ARRIVED\","
                                            + " \"statusTime\": 1795831200000, \"station\":"
                                            + " \"广陈派出所\"}"));

            assertThat(event)
                    .isEqualTo(
                            new UnifiedEvent(
                                    "110-J1234567",
                                    POLICE,
                                    UnifiedStatus.ON_SCENE,
                                    "ARRIVED",
                                    1795831200000L,
                                    "J1234567",
                                    null,
                                    null,
                                    null,
                                    null,
                                    "330482105",
                                    "广陈镇",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null));
        }

        @Test
        void ignoresUnknownFields() {
            ObjectNode record = hotlineCreate();
            record.put("extra", "x").putObject("nested").put("a", 1);

            assertThat(accepted(HOTLINE, record)).isEqualTo(accepted(HOTLINE, hotlineCreate()));
        }
    }

    @Nested
    class PersonalData {

        @Test
        void keysTheCallerByPhoneInAnySpelling() {
            UnifiedEvent plain = accepted(HOTLINE, hotlineCreate());
            UnifiedEvent spaced =
                    accepted(HOTLINE, hotlineCreate().put("callerPhone", "+86 137 5731 1111"));

            assertThat(spaced.callerKey()).isEqualTo(plain.callerKey()).hasSize(64);
        }

        @ParameterizedTest
        @ValueSource(strings = {"null", "13757311111", "\"\"", "\"  \""})
        void hasNoCallerKeyWithoutAPhoneString(String rawJson) {
            assertThat(accepted(HOTLINE, with(hotlineCreate(), "callerPhone", rawJson)).callerKey())
                    .isNull();
            assertThat(
                            accepted(POLICE, with(policeReceived(), "reporterPhone", rawJson))
                                    .callerKey())
                    .isNull();
        }

        @Test
        void masksNamesUnderOtherKeysAndFullWidthNumbersInTheText() {
            ObjectNode hotline =
                    hotlineCreate()
                            .put("callerPhone", "１３８１２３４５６７８")
                            .put("contactName", "周星驰")
                            .put("content", "周星驰代李四反映,电话１３８１２３４５６７８,身份证３３０４８２１９９００１０１１２３Ｘ");
            hotline.putObject("extra").put("联系人姓名", "钱多多");
            hotline.put("content", hotline.get("content").asText() + ",钱多多作证");

            String summary = accepted(HOTLINE, hotline).summary();

            assertThat(summary).isEqualTo("**代**反映,电话１３８****５６７８,身份证３３０４８２********１２３Ｘ,**作证");
        }

        @Test
        void neverCopiesTheCallersNameOrNumber() {
            String hotline = Json.toString(accepted(HOTLINE, hotlineCreate()));
            String police = Json.toString(accepted(POLICE, policeReceived()));

            assertThat(hotline).doesNotContain("李四", "13757311111", "330482199001011234");
            assertThat(police).doesNotContain("王五", "85561234", "0573-85561234");
        }
    }
}
