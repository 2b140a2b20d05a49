package org.pingzhi.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.Source;

/**
 * The two input schemas and the contract's dead-letter checks, written from the contract alone (not
 * from the simulator, not from the normalizer), to judge what the simulator emits.
 */
final class ContractValidator {

    static final int MAX_RECORD_BYTES = 65_536;

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9-]{6,64}$");
    private static final Pattern RFC_3339 =
            Pattern.compile(
                    "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
    private static final Set<String> ACTIONS =
            Set.of("CREATE", "ASSIGN", "SIGN", "ARRIVE", "REPLY", "CLOSE", "REOPEN", "REVOKE");
    private static final Set<String> STATUSES =
            Set.of(
                    "RECEIVED",
                    "DISPATCHED",
                    "ARRIVED",
                    "FINISHED",
                    "CLOSED",
                    "CANCELLED",
                    "TRANSFERRED_12345");
    private static final Set<String> CHANNELS =
            Set.of("PHONE", "APP", "WEB", "WECHAT", "TRANSFER_110");
    private static final Set<String> URGENCIES = Set.of("NORMAL", "URGENT", "EMERGENCY");

    private final Set<String> towns = new HashSet<>();
    private final Set<String> stations = new HashSet<>();

    ContractValidator() {
        for (String[] row : contractTable("/contracts/towns.tsv")) {
            towns.add(row[1]);
            stations.add(row[3]);
        }
    }

    /** The rows of a contract TSV on the classpath (comments and header skipped). */
    static List<String[]> contractTable(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ContractValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            boolean header = true;
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    rows.add(line.split("\t", -1));
                }
                header = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    Set<String> towns() {
        return towns;
    }

    Set<String> stations() {
        return stations;
    }

    /** The dead-letter reason the contract gives this record, or empty for a valid one. */
    Optional<ReasonCode> reason(Source source, byte[] value) {
        if (value.length > MAX_RECORD_BYTES) {
            return Optional.of(ReasonCode.TOO_LARGE);
        }
        JsonNode record = parseObject(value);
        if (record == null) {
            return Optional.of(ReasonCode.INVALID_JSON);
        }
        boolean hotline = source == Source.HOTLINE_12345;
        String id = hotline ? "orderId" : "alarmId";
        String lifecycle = hotline ? "action" : "status";
        String time = hotline ? "actionTime" : "statusTime";
        String place = hotline ? "town" : "station";
        for (String field : List.of(id, lifecycle, time, place)) {
            if (record.path(field).isMissingNode() || record.get(field).isNull()) {
                return Optional.of(ReasonCode.MISSING_FIELD);
            }
        }
        JsonNode timeNode = record.get(time);
        boolean timeTyped = hotline ? timeNode.isTextual() : timeNode.isIntegralNumber();
        if (!record.get(id).isTextual()
                || !ID.matcher(record.get(id).asText()).matches()
                || !record.get(lifecycle).isTextual()
                || !(hotline ? ACTIONS : STATUSES).contains(record.get(lifecycle).asText())
                || !timeTyped
                || !record.get(place).isTextual()) {
            return Optional.of(ReasonCode.INVALID_FIELD);
        }
        if (hotline ? !isRfc3339(timeNode.asText()) : timeNode.asLong() < 0) {
            return Optional.of(ReasonCode.BAD_TIMESTAMP);
        }
        if (!(hotline ? towns : stations).contains(record.get(place).asText())) {
            return Optional.of(ReasonCode.UNKNOWN_TOWN);
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a valid record's optional fields (the contract would drop them): the
     * simulator must write none of that. Empty when all is well.
     */
    List<String> optionalFieldProblems(Source source, byte[] value) {
        JsonNode record = parseObject(value);
        List<String> problems = new ArrayList<>();
        if (source == Source.HOTLINE_12345) {
            checkInteger(record, "seq", 0, Integer.MAX_VALUE, problems);
            checkEnum(record, "channel", CHANNELS, problems);
            checkEnum(record, "urgency", URGENCIES, problems);
            checkText(record, "linkedAlarmId", 64, problems);
            checkText(record, "category", 200, problems);
            checkText(record, "village", 100, problems);
            checkText(record, "gridCode", 64, problems);
            checkText(record, "callerPhone", 64, problems);
            checkText(record, "callerName", 64, problems);
            checkText(record, "content", 20_000, problems);
            checkText(record, "unit", 200, problems);
        } else {
            checkText(record, "alarmType", 100, problems);
            checkInteger(record, "level", 1, 3, problems);
            checkText(record, "reporterPhone", 64, problems);
            checkText(record, "reporterName", 64, problems);
            checkText(record, "summary", 20_000, problems);
            checkText(record, "officer", 100, problems);
        }
        checkCoordinate(record, "lat", 90, problems);
        checkCoordinate(record, "lon", 180, problems);
        return problems;
    }

    private static JsonNode parseObject(byte[] value) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (CharacterCodingException | JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRfc3339(String text) {
        if (!RFC_3339.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void checkInteger(
            JsonNode record, String field, long min, long max, List<String> problems) {
        JsonNode node = record.get(field);
        if (node != null
                && !(node.isIntegralNumber() && node.asLong() >= min && node.asLong() <= max)) {
            problems.add(field + " is not a whole number in [" + min + ", " + max + "]: " + node);
        }
    }

    private static void checkEnum(
            JsonNode record, String field, Set<String> allowed, List<String> problems) {
        JsonNode node = record.get(field);
        if (node != null && !(node.isTextual() && allowed.contains(node.asText()))) {
            problems.add(field + " is not one of " + allowed + ": " + node);
        }
    }

    private static void checkText(
            JsonNode record, String field, int maxLength, List<String> problems) {
        JsonNode node = record.get(field);
        if (node != null
                && !(node.isTextual()
                        && !node.asText().isBlank()
                        && node.asText().codePointCount(0, node.asText().length()) <= maxLength)) {
            problems.add(field + " is not a text of at most " + maxLength + " characters: " + node);
        }
    }

    private static void checkCoordinate(
            JsonNode record, String field, double limit, List<String> problems) {
        JsonNode node = record.get(field);
        if (node != null && !(node.isNumber() && Math.abs(node.asDouble()) <= limit)) {
            problems.add(field + " is not a number in [-" + limit + ", " + limit + "]: " + node);
        }
    }
}
