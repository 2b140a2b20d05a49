package org.pingzhi.common.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pingzhi.common.json.Json;

/**
 * A record that failed its contract, made fit for a place that must hold no personal data in clear
 * (the dead-letter index). Such a record may have any keys, so the fields are recognised by name: a
 * key is personal when, lower-cased, it contains one of {@link #PERSONAL_KEY_WORDS} — which covers
 * the schemas' {@code callerName}, {@code callerPhone}, {@code reporterName} and {@code
 * reporterPhone} and spellings such as {@code contactName}, {@code REPORTER_NAME} or {@code 联系人姓名}.
 * A few harmless keys may go too; no name stays.
 */
public final class PersonalFields {

    /** Words of keys that hold a person's name, number or ID, in English and Chinese. */
    static final List<String> PERSONAL_KEY_WORDS =
            List.of(
                    "name",
                    "phone",
                    "mobile",
                    "contact",
                    "caller",
                    "reporter",
                    "idcard",
                    "id_card",
                    "idno",
                    "identity",
                    "姓名",
                    "名字",
                    "电话",
                    "手机",
                    "联系",
                    "身份证");

    private PersonalFields() {}

    /** Whether a key of a raw record names personal data (see the class comment). */
    public static boolean isPersonal(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return PERSONAL_KEY_WORDS.stream().anyMatch(lower::contains);
    }

    /** The names held by the personal fields of the record (at any depth), to mask in its text. */
    public static List<String> valuesOf(ObjectNode record) {
        List<String> values = new ArrayList<>();
        removePersonal(record.deepCopy(), values);
        return values;
    }

    /**
     * The record as JSON without its personal fields (at any depth), the names they held masked
     * wherever they also occur in the remaining text (a caller's name in the free text), and phone
     * and ID numbers masked; cut to {@value PiiMasker#MAX_CODE_POINTS} characters. The record is
     * changed in place.
     */
    public static String maskedJson(ObjectNode record) {
        List<String> removedValues = new ArrayList<>();
        removePersonal(record, removedValues);
        return PiiMasker.mask(Json.toString(eraseValues(record, removedValues)));
    }

    private static void removePersonal(JsonNode node, List<String> removedValues) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
                    fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isPersonal(field.getKey())) {
                    collectText(field.getValue(), removedValues);
                    fields.remove();
                } else {
                    removePersonal(field.getValue(), removedValues);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> removePersonal(element, removedValues));
        }
    }

    /**
     * The names among the values: text without digits. Numbers are left to {@link PiiMasker}, which
     * masks them wherever they occur and in a form the duty officer still recognises.
     */
    private static void collectText(JsonNode node, List<String> values) {
        if (node.isContainerNode()) {
            node.forEach(element -> collectText(element, values));
        } else if (!node.isNull() && node.asText().codePoints().noneMatch(Character::isDigit)) {
            values.add(node.asText());
        }
    }

    /**
     * The record with the removed values masked in every text value: in the tree, not in the
     * rendered JSON, where escaping may spell a value differently from the text.
     */
    private static JsonNode eraseValues(JsonNode node, List<String> removedValues) {
        if (node instanceof ObjectNode object) {
            object.properties()
                    .forEach(field -> field.setValue(eraseValues(field.getValue(), removedValues)));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, eraseValues(array.get(i), removedValues));
            }
            return array;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(PiiMasker.maskNames(node.asText(), removedValues));
        }
        return node;
    }
}
