package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.testing.CapturedLog;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchOptions;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;

/**
 * Records full of personal data — full-width and mixed-width phone and ID numbers, callers' names
 * in the text and under keys the schemas do not know, valid and malformed — through the live job on
 * the real Kafka and Elasticsearch. Scanned afterwards, none of it may show in clear in: every
 * document of every index of the job's prefix; the dead-letter topic's records, all but their
 * {@code value} (the original record, which that access-controlled topic keeps by contract); the
 * alerts topic (keys and values); and every line the job logged while it ran (message and stack
 * trace, at the tests' INFO level).
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class PersonalDataEndToEndTest {

    private static final String NAME = "e2e-pii";

    /** The names, and the numbers as each record writes them. */
    private static final List<String> IN_CLEAR =
            List.of(
                    "王小明",
                    "周星驰",
                    "钱多多",
                    "李四光",
                    "孙悟空",
                    "赵大海",
                    "刘德华",
                    "张学友",
                    "１３８１２３４５６７８",
                    "１３９　１２３４　５６７８",
                    "137１２３４5678",
                    "３３０４８２１９９００１０１１２３Ｘ",
                    "33048219850202１２３４",
                    "０５７３－８５５６１２３４");

    /** The same numbers in ASCII digits, without separators: how they are looked for. */
    private static final List<String> NUMBERS =
            List.of(
                    "13812345678",
                    "13912345678",
                    "13712345678",
                    "330482199001011234",
                    "33048219900101123X",
                    "330482198502021234",
                    "057385561234");

    private static final List<byte[]> HOTLINE =
            lines(
                    // valid, never answered: escalates, so its alerts are scanned too
                    "{\"orderId\":\"PH2026112800901\",\"action\":\"CREATE\","
                            + "\"actionTime\":\"2026-11-28T10:05:00+08:00\",\"category\":\"劳动保障\","
                            + "\"urgency\":\"URGENT\",\"town\":\"新仓镇\","
                            + "\"callerPhone\":\"１３８１２３４５６７８\",\"callerName\":\"王小明\","
                            + "\"contactName\":\"周星驰\",\"extra\":{\"联系人姓名\":\"钱多多\"},"
                            + "\"content\":\"我是王小明,联系电话１３８１２３４５６７８,身份证"
                            + "３３０４８２１９９００１０１１２３Ｘ,周星驰和钱多多可作证,"
                            + "备用１３９　１２３４　５６７８\"}",
                    // malformed (bad timestamp), names under odd keys and in the text
                    "{\"orderId\":\"PH2026112800902\",\"action\":\"CREATE\","
                            + "\"actionTime\":\"28/11/2026 10:05\",\"town\":\"新仓镇\","
                            + "\"callerName\":\"孙悟空\",\"contact\":\"赵大海\","
                            + "\"callerPhone\":\"137１２３４5678\","
                            + "\"content\":\"孙悟空说赵大海知道,电话137１２３４5678\"}",
                    // not JSON at all
                    "孙悟空 １３８１２３４５６７８ {not json");

    private static final List<byte[]> POLICE =
            lines(
                    // valid
                    "{\"alarmId\":\"J330482202611280901\",\"status\":\"RECEIVED\","
                            + "\"statusTime\":1795831200000,\"alarmType\":\"纠纷\",\"level\":2,"
                            + "\"station\":\"当湖派出所\",\"reporterPhone\":\"０５７３－８５５６１２３４\","
                            + "\"reporterName\":\"李四光\",\"witnessName\":\"张学友\","
                            + "\"summary\":\"李四光报警,张学友目击,身份证33048219850202１２３４,"
                            + "座机０５７３－８５５６１２３４\"}",
                    // malformed (no alarmId)
                    "{\"status\":\"RECEIVED\",\"statusTime\":1795831200000,"
                            + "\"station\":\"当湖派出所\",\"reporterName\":\"刘德华\","
                            + "\"people\":[{\"REPORTER_NAME\":\"张学友\"}],"
                            + "\"summary\":\"刘德华和张学友,身份证３３０４８２１９９００１０１１２３Ｘ\"}");

    @Test
    void noNameOrNumberLeavesTheJobInClear() throws Exception {
        List<CapturedLog.Line> logged;
        List<String> scanned = new ArrayList<>();
        try (CapturedLog log = new CapturedLog();
                LiveCommandCenter center =
                        LiveCommandCenter.start(
                                LiveCommandCenter.configuration(NAME, Map.of()),
                                CommandCenterJob::wire)) {
            center.produce(Source.HOTLINE_12345, HOTLINE);
            center.produce(Source.POLICE_110, POLICE);

            Poll.until(
                    Duration.ofSeconds(120),
                    "both incidents indexed, the 12345 one escalated to CITY",
                    () -> center.documents(DocumentKind.INCIDENT),
                    incidents ->
                            incidents.size() == 2
                                    && incidents
                                            .get("12345-PH2026112800901")
                                            .path("escalationLevel")
                                            .asText()
                                            .equals("CITY"));
            Poll.until(
                    Duration.ofSeconds(60),
                    "three dead letters indexed",
                    () -> center.documents(DocumentKind.DEAD_LETTER),
                    deadLetters -> deadLetters.size() == 3);
            String deadLetterTopic = center.configuration().get(KafkaOptions.DEAD_LETTER_TOPIC);
            List<ConsumerRecord<String, String>> deadLetters =
                    Poll.until(
                            Duration.ofSeconds(60),
                            "three dead letters on " + deadLetterTopic,
                            () -> center.committedRecords(deadLetterTopic),
                            records -> records.size() >= 3);
            String alertTopic = center.configuration().get(KafkaOptions.ALERTS_TOPIC);
            List<ConsumerRecord<String, String>> alerts =
                    Poll.until(
                            Duration.ofSeconds(60),
                            "the TOWN and CITY alerts on " + alertTopic,
                            () -> center.committedRecords(alertTopic),
                            records -> records.size() >= 2);

            List<String> documents =
                    everyDocument(
                            center.configuration().get(ElasticsearchOptions.INDEX_PREFIX) + "*");
            assertThat(documents).hasSizeGreaterThanOrEqualTo(2 + 3 + 2);
            assertThat(String.join("\n", documents))
                    .as("the masked text is there")
                    .contains("１３８****５６７８", "３３０４８２********１２３Ｘ", "**");
            scanned.addAll(documents);
            for (ConsumerRecord<String, String> record : deadLetters) {
                ObjectNode deadLetter = (ObjectNode) Json.mapper().readTree(record.value());
                assertThat(deadLetter.remove("value"))
                        .as("the original record is kept")
                        .isNotNull();
                scanned.add(record.key() + " " + deadLetter);
            }
            alerts.forEach(record -> scanned.add(record.key() + " " + record.value()));
            logged = log.lines();
        }
        assertThat(logged).isNotEmpty();
        logged.forEach(line -> scanned.add(line.message() + "\n" + line.thrown()));

        for (String text : scanned) {
            String digits = asciiDigitsWithoutSeparators(text);
            assertThat(text).as("names and numbers as written").doesNotContain(IN_CLEAR);
            assertThat(digits).as("numbers in any width or spacing").doesNotContain(NUMBERS);
        }
    }

    /** The source of every document in the indices matching {@code pattern}. */
    private static List<String> everyDocument(String pattern) throws Exception {
        var client = ElasticsearchExtension.client();
        client.indices().refresh(refresh -> refresh.index(pattern));
        SearchResponse<JsonNode> response =
                client.search(search -> search.index(pattern).size(10_000), JsonNode.class);
        List<String> documents = new ArrayList<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            documents.add(hit.index() + "/" + hit.id() + " " + Json.toString(hit.source()));
        }
        return documents;
    }

    private static String asciiDigitsWithoutSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp != ' ' && cp != '-' && cp != '\u3000' && cp != '\uFF0D')
                .forEach(
                        cp -> {
                            int digit = Character.digit(cp, 10);
                            if (digit >= 0) {
                                out.append((char) ('0' + digit));
                            } else if (cp == '\uFF38') {
                                out.append('X');
                            } else {
                                out.appendCodePoint(cp);
                            }
                        });
        return out.toString();
    }

    private static List<byte[]> lines(String... records) {
        return Arrays.stream(records)
                .map(record -> record.getBytes(StandardCharsets.UTF_8))
                .toList();
    }
}
