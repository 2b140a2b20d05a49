package org.pingzhi.common.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.privacy.TextLimits;

/**
 * Reads the fields of one JSON record the contract's way.
 *
 * <p>Required fields: {@link #requirePresent} ({@code MISSING_FIELD}: absent or JSON null), then
 * the {@code required...} readers ({@code INVALID_FIELD}: wrong JSON type, unknown enum value, id
 * not matching its pattern), which expect {@code requirePresent} to have passed. Optional fields:
 * absent, null, of the wrong type, out of range or an unknown enum value read as null; over-long
 * text is cut. Messages name the field, never its value.
 */
final class FieldReader {

    /** The contract's pattern for {@code orderId} and {@code alarmId}. */
    private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9-]{6,64}");

    private final ObjectNode record;

    FieldReader(ObjectNode record) {
        this.record = record;
    }

    /** MISSING_FIELD naming every required field that is absent or null. */
    void requirePresent(List<String> names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (isAbsent(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new RecordRejectedException(
                    ReasonCode.MISSING_FIELD,
                    "missing required field" + (missing.size() > 1 ? "s " : " ") + missing);
        }
    }

    String requiredString(String name) {
        JsonNode node = record.get(name);
        if (!node.isTextual()) {
            throw RecordRejectedException.invalidField(name, "must be a JSON string");
        }
        return node.textValue();
    }

    String requiredId(String name) {
        String id = requiredString(name);
        if (!ID_PATTERN.matcher(id).matches()) {
            throw RecordRejectedException.invalidField(
                    name, "does not match ^" + ID_PATTERN.pattern() + "$");
        }
        return id;
    }

    <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        E value = enumConstant(requiredString(name), type);
        if (value == null) {
            throw RecordRejectedException.invalidField(
                    name, "is not one of " + List.of(type.getEnumConstants()));
        }
        return value;
    }

    /** A JSON integer token (no fraction, no exponent), of any size. */
    BigInteger requiredInteger(String name) {
        JsonNode node = record.get(name);
        if (!node.isIntegralNumber()) {
            throw RecordRejectedException.invalidField(
                    name, "must be a JSON integer (no fraction, no exponent)");
        }
        return node.bigIntegerValue();
    }

    /**
     * An optional id: null when absent or null, but INVALID_FIELD when present and not an id (used
     * where dropping the field would change which incident the record belongs to).
     */
    String optionalStrictId(String name) {
        return isAbsent(name) ? null : requiredId(name);
    }

    /** Optional text, cut to {@code maxCodePoints}. */
    String optionalText(String name, int maxCodePoints) {
        return TextLimits.cut(optionalText(name), maxCodePoints);
    }

    /** Optional text of any length (free text is cut after masking). */
    String optionalText(String name) {
        JsonNode node = record.get(name);
        return node != null && node.isTextual() ? TextLimits.wellFormed(node.textValue()) : null;
    }

    <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        JsonNode node = record.get(name);
        return node != null && node.isTextual() ? enumConstant(node.textValue(), type) : null;
    }

    /** An optional JSON integer within [min, max]. */
    Integer optionalInt(String name, int min, int max) {
        JsonNode node = record.get(name);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            return null;
        }
        int value = node.intValue();
        return value >= min && value <= max ? value : null;
    }

    /** An optional JSON number (integer or not) within [min, max]. */
    private Double optionalNumber(String name, double min, double max) {
        JsonNode node = record.get(name);
        if (node == null || !node.isNumber()) {
            return null;
        }
        double value = node.doubleValue();
        return value >= min && value <= max ? value : null;
    }

    /** Optional {@code lat}, WGS84 degrees. */
    Double optionalLatitude() {
        return optionalNumber("lat", -90, 90);
    }

    /** Optional {@code lon}, WGS84 degrees. */
    Double optionalLongitude() {
        return optionalNumber("lon", -180, 180);
    }

    private boolean isAbsent(String name) {
        JsonNode node = record.get(name);
        return node == null || node.isNull();
    }

    private static <E extends Enum<E>> E enumConstant(String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        return null;
    }
}
