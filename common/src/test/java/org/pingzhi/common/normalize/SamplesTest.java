package org.pingzhi.common.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.testing.ContractFiles;

/** The contract's hand-checked samples, normalized. */
class SamplesTest {

    private static final List<RawRecord> INPUTS = new ArrayList<>();
    private static final List<UnifiedEvent> EVENTS = new ArrayList<>();
    private static final List<DeadLetter> DEAD_LETTERS = new ArrayList<>();

    @BeforeAll
    static void normalizeSamples() {
        for (Source source : Source.values()) {
            for (RawRecord record : SampleLines.of(source)) {
                INPUTS.add(record);
                NormalizeResult result = NormalizerFixture.NORMALIZER.normalize(source, record);
                if (result instanceof NormalizeResult.Accepted accepted) {
                    EVENTS.add(accepted.event());
                } else if (result instanceof NormalizeResult.Rejected rejected) {
                    DEAD_LETTERS.add(rejected.deadLetter());
                }
            }
        }
    }

    @Test
    void givesExactlyTheExpectedDeadLetters() throws IOException {
        Map<String, Integer> expected =
                Json.mapper()
                        .readValue(
                                ContractFiles.sample("expected-deadletter.json"),
                                new TypeReference<TreeMap<String, Integer>>() {});
        Map<ReasonCode, Integer> actual = new EnumMap<>(ReasonCode.class);
        DEAD_LETTERS.forEach(d -> actual.merge(d.reason(), 1, Integer::sum));

        Map<String, Integer> actualByName = new TreeMap<>();
        actual.forEach((reason, count) -> actualByName.put(reason.name(), count));
        assertThat(actualByName).isEqualTo(expected);
    }

    @Test
    void givesTheEventTimeOfEveryAcceptedLineAndNoneOfARejectedOne() {
        for (Source source : Source.values()) {
            for (RawRecord record : SampleLines.of(source)) {
                NormalizeResult result = NormalizerFixture.NORMALIZER.normalize(source, record);
                OptionalLong expected =
                        result instanceof NormalizeResult.Accepted accepted
                                ? OptionalLong.of(accepted.event().eventTime())
                                : OptionalLong.empty();
                assertThat(NormalizerFixture.NORMALIZER.acceptedEventTime(source, record))
                        .as("%s line %d", source, record.offset())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void turnsEveryOtherLineIntoAnEvent() {
        assertThat(INPUTS).hasSize(35);
        assertThat(EVENTS).hasSize(INPUTS.size() - DEAD_LETTERS.size()).hasSize(29);
    }

    @Test
    void locatesEachDeadLetterByTopicAndLineNumber() {
        assertThat(DEAD_LETTERS)
                .extracting(d -> d.topic() + "@" + d.offset() + " " + d.reason())
                .containsExactlyInAnyOrder(
                        "hotline-12345@13 INVALID_JSON",
                        "hotline-12345@14 MISSING_FIELD",
                        "hotline-12345@15 INVALID_FIELD",
                        "hotline-12345@16 BAD_TIMESTAMP",
                        "police-110@16 UNKNOWN_TOWN",
                        "police-110@17 TOO_LARGE");
        assertThat(DEAD_LETTERS).allSatisfy(d -> assertThat(d.partition()).isZero());
    }

    @Test
    void joinsTheHandedOverOrderToIts110Incident() {
        assertThat(EVENTS)
                .filteredOn(e -> "PH2026112800104".equals(e.orderId()))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.incidentId()).isEqualTo("110-J330482202611280004"));
    }

    @Test
    void givesEveryEventTheIncidentIdOfTheContract() {
        assertThat(EVENTS)
                .allSatisfy(
                        e -> {
                            String expected =
                                    e.source() == Source.POLICE_110 || e.alarmId() != null
                                            ? "110-" + e.alarmId()
                                            : "12345-" + e.orderId();
                            assertThat(e.incidentId()).isEqualTo(expected);
                        });
        assertThat(EVENTS).extracting(UnifiedEvent::incidentId).doesNotContainNull();
        assertThat(EVENTS.stream().map(UnifiedEvent::incidentId).distinct().count()).isEqualTo(9);
    }

    /**
     * No phone number, ID number or caller name of the inputs reaches an event. They are taken from
     * the inputs themselves: the phone and name fields, and ID-like and phone-like numbers in the
     * free text.
     */
    @Test
    void letsNoPersonalDataOfTheInputsThrough() throws IOException {
        Set<String> personal = personalDataOf(INPUTS);
        assertThat(personal)
                .as("the samples carry personal data to look for")
                .contains("李某", "王某", "13757311111", "330482199001011234", "85561234");

        String output = Json.toString(EVENTS);

        assertThat(personal).allSatisfy(pii -> assertThat(output).doesNotContain(pii));
    }

    private static final Pattern LONG_NUMBER = Pattern.compile("[0-9][0-9 -]{5,}[0-9Xx]");

    private static Set<String> personalDataOf(List<RawRecord> inputs) throws IOException {
        Set<String> personal = new HashSet<>();
        for (RawRecord input : inputs) {
            JsonNode json = parseOrNull(input);
            if (json == null) {
                continue;
            }
            for (String field : List.of("callerName", "reporterName")) {
                addText(personal, json.get(field));
            }
            for (String field : List.of("callerPhone", "reporterPhone", "content", "summary")) {
                JsonNode value = json.get(field);
                if (value != null && value.isTextual()) {
                    addNumbers(personal, value.textValue());
                }
            }
        }
        return personal;
    }

    private static JsonNode parseOrNull(RawRecord input) {
        try {
            return Json.mapper().readTree(new String(input.value(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static void addText(Set<String> personal, JsonNode value) {
        if (value != null && value.isTextual() && !value.textValue().isBlank()) {
            personal.add(value.textValue());
        }
    }

    /** Each number as written, its digits, and its last eight digits (the subscriber number). */
    private static void addNumbers(Set<String> personal, String text) {
        Matcher m = LONG_NUMBER.matcher(text);
        while (m.find()) {
            String written = m.group();
            String digits = written.replaceAll("[^0-9Xx]", "");
            personal.add(written);
            personal.add(digits);
            personal.add(digits.substring(Math.max(0, digits.length() - 8)));
        }
    }
}
