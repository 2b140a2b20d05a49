package org.pingzhi.jobs.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.ReasonCode;

class DeadLetterDocumentsTest {

    private static final String RECORD =
            "{\"orderId\":\"PH2026112800196\",\"action\":\"CREATE\",\"actionTime\":\"28/11/2026\","
                    + "\"town\":\"当湖街道\",\"callerPhone\":\"13757311111\",\"callerName\":\"李某\","
                    + "\"content\":\"回电13905731234\"}";

    private final DeadLetter deadLetter =
            new DeadLetter(
                    ReasonCode.BAD_TIMESTAMP,
                    "actionTime is not RFC 3339",
                    "hotline-12345",
                    0,
                    16,
                    RECORD,
                    null,
                    null,
                    null,
                    null);

    @Test
    void theTopicAndReplayKeepTheOriginalRecord() {
        Document document = DeadLetterDocuments.toDocument(deadLetter);

        assertThat(document.id()).isEqualTo("hotline-12345:0:16");
        assertThat(document.json()).contains("13757311111");
    }

    @Test
    void theIndexGetsNoNameOrNumberInClear() {
        Document document = DeadLetterDocuments.toIndexedDocument(deadLetter);

        assertThat(document.id()).isEqualTo("hotline-12345:0:16");
        assertThat(document.json())
                .contains("\"reason\":\"BAD_TIMESTAMP\"", "\"offset\":16", "valueMasked", "当湖街道")
                .doesNotContain("13757311111", "李某", "13905731234", "callerPhone");
    }

    @Test
    void bothDocumentsCarryTheTimeTheRecordWasRead() throws Exception {
        DeadLetter read = deadLetter.withReadAt(Times.parseIso("2026-11-28T02:15:30.123Z"));

        for (Document document :
                List.of(
                        DeadLetterDocuments.toDocument(read),
                        DeadLetterDocuments.toIndexedDocument(read))) {
            JsonNode json = Json.mapper().readTree(document.json());
            assertThat(json.get("readAt").asText()).isEqualTo("2026-11-28T02:15:30.123Z");
        }
    }

    @Test
    void aDeadLetterReadFromAFileHasNoReadTime() throws Exception {
        for (Document document :
                List.of(
                        DeadLetterDocuments.toDocument(deadLetter),
                        DeadLetterDocuments.toIndexedDocument(deadLetter))) {
            JsonNode json = Json.mapper().readTree(document.json());
            assertThat(json.get("readAt").isNull()).isTrue();
        }
    }

    @Test
    void bothDocumentsOfATooLargeRecordCarryItsLengthAndHash() throws Exception {
        String hash = "0f".repeat(32);
        DeadLetter tooLarge =
                new DeadLetter(
                        ReasonCode.TOO_LARGE,
                        "record is 200,000 bytes",
                        "hotline-12345",
                        0,
                        17,
                        "\u0001".repeat(65_536),
                        null,
                        200_000L,
                        hash,
                        null);

        for (Document document :
                List.of(
                        DeadLetterDocuments.toDocument(tooLarge),
                        DeadLetterDocuments.toIndexedDocument(tooLarge))) {
            JsonNode json = Json.mapper().readTree(document.json());
            assertThat(json.get("originalBytes").asLong()).isEqualTo(200_000L);
            assertThat(json.get("sha256").asText()).isEqualTo(hash);
        }
    }

    @Test
    void everyFieldNamingAPersonIsRemovedAndItsValueErasedFromTheText() {
        String record =
                "{\"orderId\":\"PH1\",\"town\":\"当湖街道\",\"contactName\":\"王小明\","
                        + "\"联系人姓名\":\"赵大海\",\"extra\":{\"REPORTER_NAME\":\"钱多多\"},"
                        + "\"callerName\":\"孙悟空\",\"contact\":\"周某某\","
                        + "\"content\":\"王小明说赵大海和钱多多、孙悟空、周某某都在\","
                        + "\"notes\":[\"王小明\"]}";

        String masked = DeadLetterDocuments.maskedValue(record);

        assertThat(masked)
                .contains("当湖街道", "PH1", "都在")
                .doesNotContain("王小明", "赵大海", "钱多多", "孙悟空", "周某某", "contactName", "姓名", "REPORTER");
    }

    @Test
    void fullWidthNumbersAreMaskedInTheIndex() {
        String record =
                "{\"orderId\":\"PH1\",\"mobile\":\"１３８１２３４５６７８\","
                        + "\"content\":\"联系电话１３９１２３４５６７８,身份证３３０４８２１９９００１０１１２３Ｘ\"}";

        String masked = DeadLetterDocuments.maskedValue(record);

        assertThat(masked)
                .contains("１３９****５６７８", "３３０４８２********１２３Ｘ")
                .doesNotContain("１２３４５６７８", "mobile");
    }

    @Test
    void aRecordThatIsNotAJsonObjectIsLeftOutOfTheIndex() {
        assertThat(DeadLetterDocuments.maskedValue("李某 13757311111 not json")).isNull();
        assertThat(DeadLetterDocuments.maskedValue("[1,2]")).isNull();
        assertThat(DeadLetterDocuments.maskedValue(null)).isNull();
    }
}
