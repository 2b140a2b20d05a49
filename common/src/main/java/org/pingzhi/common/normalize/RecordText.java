package org.pingzhi.common.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.ReasonCode;

/** The second check of a record's bytes, after its size: UTF-8 text holding one JSON object. */
public final class RecordText {

    /**
     * Whole input must be one JSON value (no trailing garbage); a key given twice is ambiguous,
     * since consumers disagree on which one counts, so it is not accepted as JSON either.
     */
    private static final ObjectReader READER =
            Json.mapper()
                    .reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private RecordText() {}

    /**
     * The bytes as text when they are valid UTF-8 (malformed or unmappable input refused), else
     * null.
     */
    public static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The JSON object the text holds; INVALID_JSON when it is not UTF-8, not JSON or no object. */
    static ObjectNode parseObject(String text) {
        if (text == null) {
            throw invalidJson("record is not valid UTF-8");
        }
        JsonNode json;
        try {
            json = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalidJson("record is not valid JSON" + where(e));
        }
        if (json == null || !json.isObject()) {
            throw invalidJson("record is not a JSON object");
        }
        return (ObjectNode) json;
    }

    /** Where the parser stopped; Jackson's own message may quote the input, so it is not used. */
    private static String where(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                " (line %d, column %d)",
                e.getLocation().getLineNr(),
                e.getLocation().getColumnNr());
    }

    private static RecordRejectedException invalidJson(String message) {
        return new RecordRejectedException(ReasonCode.INVALID_JSON, message);
    }
}
