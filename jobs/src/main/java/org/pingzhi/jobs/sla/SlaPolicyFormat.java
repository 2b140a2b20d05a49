package org.pingzhi.jobs.sla;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.pingzhi.common.directory.CategoryDirectory;
import org.pingzhi.common.directory.TownKind;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;

/** Reads and validates the policy file format documented on {@link SlaPolicy}. */
final class SlaPolicyFormat {

    static final int DEFAULT_TARGET_SECONDS = 600;
    static final int MAX_TARGET_SECONDS = 86_400;

    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("description", "defaultTargetSeconds", "rules");
    private static final Set<String> RULE_KEYS =
            Set.of(
                    "name",
                    "source",
                    "category",
                    "priority",
                    "townCode",
                    "townKind",
                    "targetSeconds");

    private static final ObjectMapper STRICT =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private SlaPolicyFormat() {}

    static SlaPolicy parse(String json, String origin) {
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "SLA policy " + origin + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("SLA policy " + origin + " must be a JSON object");
        }
        String where = "SLA policy " + origin;
        checkKeys(root, TOP_LEVEL_KEYS, where);
        optionalText(root, "description", where);
        int defaultTarget =
                root.has("defaultTargetSeconds")
                        ? targetSeconds(
                                root.get("defaultTargetSeconds"), where + ", defaultTargetSeconds")
                        : DEFAULT_TARGET_SECONDS;
        return new SlaPolicy(origin, defaultTarget, rules(root.get("rules"), where));
    }

    private static List<SlaRule> rules(JsonNode rules, String where) {
        List<SlaRule> parsed = new ArrayList<>();
        if (rules == null) {
            return parsed;
        }
        if (!rules.isArray()) {
            throw new IllegalArgumentException(where + ": \"rules\" must be an array");
        }
        for (int i = 0; i < rules.size(); i++) {
            parsed.add(rule(rules.get(i), where + ", rule " + (i + 1)));
        }
        return parsed;
    }

    private static SlaRule rule(JsonNode rule, String where) {
        if (!rule.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        checkKeys(rule, RULE_KEYS, where);
        if (!rule.has("targetSeconds")) {
            throw new IllegalArgumentException(where + ": \"targetSeconds\" is required");
        }
        String source = optionalText(rule, "source", where);
        String category = optionalText(rule, "category", where);
        String priority = optionalText(rule, "priority", where);
        String townCode = optionalText(rule, "townCode", where);
        String townKind = optionalText(rule, "townKind", where);
        return new SlaRule(
                optionalText(rule, "name", where),
                source == null ? null : source(source, where),
                category == null ? null : category(category, where),
                priority == null ? null : priority(priority, where),
                townCode == null ? null : townCode(townCode, where),
                townKind == null ? null : townKind(townKind, where),
                targetSeconds(rule.get("targetSeconds"), where + ", targetSeconds"));
    }

    private static void checkKeys(JsonNode object, Set<String> allowed, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(
                        where
                                + ": unknown key \""
                                + name
                                + "\" (allowed: "
                                + sorted(allowed)
                                + ")");
            }
        }
    }

    private static String optionalText(JsonNode object, String key, String where) {
        JsonNode value = object.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be a string");
        }
        return value.textValue();
    }

    private static int targetSeconds(JsonNode value, String where) {
        if (!value.isIntegralNumber()
                || !value.canConvertToInt()
                || value.intValue() < 1
                || value.intValue() > MAX_TARGET_SECONDS) {
            throw new IllegalArgumentException(
                    where
                            + " must be whole seconds from 1 to "
                            + MAX_TARGET_SECONDS
                            + ", not "
                            + value);
        }
        return value.intValue();
    }

    private static Source source(String value, String where) {
        return oneOf(
                Source.values(),
                Source::code,
                value,
                where + ": source must be \"110\" or \"12345\"");
    }

    private static String category(String value, String where) {
        if (CategoryDirectory.standard().byCode(value).isEmpty()) {
            throw new IllegalArgumentException(
                    where
                            + ": unknown category \""
                            + value
                            + "\" (known: "
                            + CategoryDirectory.standard().codes()
                            + ")");
        }
        return value;
    }

    private static Priority priority(String value, String where) {
        return oneOf(
                Priority.values(),
                Priority::name,
                value,
                where + ": priority must be P1, P2 or P3");
    }

    /** The constant named {@code value}, or the error {@code mustBe}. */
    private static <E extends Enum<E>> E oneOf(
            E[] constants, Function<E, String> name, String value, String mustBe) {
        for (E constant : constants) {
            if (name.apply(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(mustBe + ", not \"" + value + "\"");
    }

    private static String townCode(String value, String where) {
        if (value == null || !value.matches("\\d{9}")) {
            throw new IllegalArgumentException(
                    where + ": townCode must be nine digits, not \"" + value + "\"");
        }
        return value;
    }

    private static TownKind townKind(String value, String where) {
        return oneOf(
                TownKind.values(),
                TownKind::spelling,
                value,
                where + ": townKind must be \"subdistrict\" or \"town\"");
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
