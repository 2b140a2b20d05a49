package org.pingzhi.common.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pingzhi.common.directory.CategoryDirectory;
import org.pingzhi.common.directory.TownDirectory;

/**
 * Reads and validates a rules file (contract rules.md, "The rules file"). Anything invalid rejects
 * the whole file with an {@link InvalidRulesException} naming the rule and the problem.
 *
 * <p>Where the contract is silent, the bounds keep every rule's state bounded: windows and
 * durations are whole seconds (BACKLOG: whole minutes) of at most {@value #MAX_REACH_DAYS} days,
 * and a SURGE baseline reaches back at most as far.
 */
public final class RulesFileParser {

    static final int MAX_REACH_DAYS = 31;
    private static final Duration MAX_REACH = Duration.ofDays(MAX_REACH_DAYS);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Pattern HOURS =
            Pattern.compile("^([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})$");
    private static final Set<String> SOURCES = Set.of("110", "12345");
    private static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3");

    private static final Set<String> FILE_FIELDS = Set.of("version", "rules");
    private static final Set<String> COMMON_FIELDS =
            Set.of("id", "kind", "enabled", "severity", "level");
    private static final Set<String> FILTER_FIELDS =
            Set.of("sources", "categories", "priorities", "townCodes");
    private static final Set<String> BASELINE_FIELDS = Set.of("previousWindows", "sameTimeOfDay");

    private static final ObjectMapper STRICT =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build();

    private final TownDirectory towns;
    private final CategoryDirectory categories;

    public RulesFileParser(TownDirectory towns, CategoryDirectory categories) {
        this.towns = towns;
        this.categories = categories;
    }

    /** A parser checking town and category codes against the shipped directories. */
    public static RulesFileParser standard() {
        return new RulesFileParser(TownDirectory.standard(), CategoryDirectory.standard());
    }

    /** The rules shipped for Pinghu ({@value RulesFile#DEFAULT_RESOURCE}). */
    public static RulesFile loadDefault() {
        return standard().parse(defaultText(), RulesFile.DEFAULT_RESOURCE);
    }

    /** The text of the rules shipped for Pinghu ({@value RulesFile#DEFAULT_RESOURCE}). */
    public static String defaultText() {
        try (InputStream in =
                RulesFileParser.class.getResourceAsStream(RulesFile.DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RulesFile.DEFAULT_RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rules file in {@code json}; {@code origin} (e.g. the file name) starts every error
     * message.
     */
    public RulesFile parse(String json, String origin) {
        String where = "rules file " + origin;
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidRulesException(
                    where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRulesException(where + " must be a JSON object");
        }
        checkFields(root, FILE_FIELDS, where);
        JsonNode version = root.get("version");
        if (version == null || !version.isTextual() || version.textValue().isEmpty()) {
            throw new InvalidRulesException(where + ": \"version\" must be a non-empty string");
        }
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new InvalidRulesException(where + ": \"rules\" must be an array");
        }
        List<Rule> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rule(rules.get(i), where + ", rule " + (i + 1));
            if (!ids.add(rule.id())) {
                throw new InvalidRulesException(
                        where
                                + ", rule \""
                                + rule.id()
                                + "\": duplicate id (ids are unique in a file)");
            }
            parsed.add(rule);
        }
        return new RulesFile(version.textValue(), parsed);
    }

    private Rule rule(JsonNode node, String position) {
        if (!node.isObject()) {
            throw new InvalidRulesException(position + " must be a JSON object");
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || !idNode.isTextual() || !ID.matcher(idNode.textValue()).matches()) {
            throw new InvalidRulesException(
                    position + ": \"id\" must match " + ID.pattern() + ", not " + idNode);
        }
        String id = idNode.textValue();
        String where = position + " \"" + id + "\"";
        RuleKind kind = enumValue(node, "kind", RuleKind.class, where);
        Set<String> allowed = new HashSet<>(COMMON_FIELDS);
        allowed.addAll(kindFields(kind));
        if (kind != RuleKind.FEED_SILENCE) {
            allowed.add("filter");
        }
        checkFields(node, allowed, where);
        boolean enabled = enabled(node, where);
        Severity severity = enumValue(node, "severity", Severity.class, where);
        AlertLevel level = enumValue(node, "level", AlertLevel.class, where);
        return switch (kind) {
            case HOTSPOT ->
                    new HotspotRule(
                            id,
                            enabled,
                            severity,
                            level,
                            filter(node, where),
                            key(node, where),
                            integer(node, "threshold", 2, where),
                            slidingWindow(node, "window", where));
            case REPEAT_CALLER ->
                    new RepeatCallerRule(
                            id,
                            enabled,
                            severity,
                            level,
                            filter(node, where),
                            integer(node, "threshold", 2, where),
                            slidingWindow(node, "window", where));
            case SURGE -> surge(node, id, enabled, severity, level, where);
            case FEED_SILENCE ->
                    new FeedSilenceRule(
                            id,
                            enabled,
                            severity,
                            level,
                            code(node, "source", SOURCES::contains, true, where),
                            code(
                                    node,
                                    "townCode",
                                    code -> towns.byCode(code).isPresent(),
                                    false,
                                    where),
                            slidingWindow(node, "window", where),
                            activeHours(node, where));
            case BREACH_RATE ->
                    new BreachRateRule(
                            id,
                            enabled,
                            severity,
                            level,
                            filter(node, where),
                            tumblingWindow(node, where),
                            breachThreshold(node, where),
                            integer(node, "minDecided", 1, where));
            case BACKLOG ->
                    new BacklogRule(
                            id,
                            enabled,
                            severity,
                            level,
                            filter(node, where),
                            integer(node, "threshold", 0, where),
                            backlogDuration(node, where));
        };
    }

    private static Set<String> kindFields(RuleKind kind) {
        return switch (kind) {
            case HOTSPOT -> Set.of("key", "threshold", "window");
            case REPEAT_CALLER -> Set.of("threshold", "window");
            case SURGE -> Set.of("key", "window", "factor", "minCount", "baseline");
            case FEED_SILENCE -> Set.of("source", "townCode", "window", "activeHours");
            case BREACH_RATE -> Set.of("window", "threshold", "minDecided");
            case BACKLOG -> Set.of("threshold", "duration");
        };
    }

    private SurgeRule surge(
            JsonNode node,
            String id,
            boolean enabled,
            Severity severity,
            AlertLevel level,
            String where) {
        Duration window = tumblingWindow(node, where);
        BigDecimal factor = decimal(node, "factor", where);
        if (factor.compareTo(BigDecimal.ONE) <= 0) {
            throw new InvalidRulesException(
                    where + ": \"factor\" must be greater than 1, not " + factor);
        }
        return new SurgeRule(
                id,
                enabled,
                severity,
                level,
                filter(node, where),
                key(node, where),
                window,
                factor,
                integer(node, "minCount", 1, where),
                baseline(node, window, where));
    }

    private static Baseline baseline(JsonNode node, Duration window, String where) {
        JsonNode baseline = required(node, "baseline", where);
        if (!baseline.isObject() || baseline.size() != 1) {
            throw new InvalidRulesException(
                    where
                            + ": \"baseline\" must be {\"previousWindows\": M} or"
                            + " {\"sameTimeOfDay\": D}");
        }
        String at = where + ", baseline";
        checkFields(baseline, BASELINE_FIELDS, at);
        Baseline parsed =
                baseline.has("previousWindows")
                        ? new Baseline.PreviousWindows(integer(baseline, "previousWindows", 1, at))
                        : new Baseline.SameTimeOfDay(integer(baseline, "sameTimeOfDay", 1, at));
        if (parsed.reach(window).compareTo(MAX_REACH) > 0) {
            throw new InvalidRulesException(
                    at
                            + " must reach back at most "
                            + MAX_REACH_DAYS
                            + " days, not "
                            + parsed.reach(window));
        }
        return parsed;
    }

    private static BigDecimal breachThreshold(JsonNode node, String where) {
        BigDecimal threshold = decimal(node, "threshold", where);
        if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidRulesException(
                    where + ": \"threshold\" must be in (0, 1], not " + threshold.toPlainString());
        }
        return threshold;
    }

    private RuleFilter filter(JsonNode node, String where) {
        JsonNode filter = node.get("filter");
        if (filter == null) {
            return RuleFilter.NONE;
        }
        String at = where + ", filter";
        if (!filter.isObject()) {
            throw new InvalidRulesException(at + " must be a JSON object");
        }
        checkFields(filter, FILTER_FIELDS, at);
        return new RuleFilter(
                codes(filter, "sources", SOURCES::contains, at),
                codes(filter, "categories", categories.codes()::contains, at),
                codes(filter, "priorities", PRIORITIES::contains, at),
                codes(filter, "townCodes", code -> towns.byCode(code).isPresent(), at));
    }

    private static Set<String> codes(
            JsonNode filter, String field, Predicate<String> known, String where) {
        JsonNode list = filter.get(field);
        if (list == null) {
            return null;
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new InvalidRulesException(
                    where + ": \"" + field + "\" must be a non-empty array");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : list) {
            if (!value.isTextual() || !known.test(value.textValue())) {
                throw new InvalidRulesException(
                        where + ": \"" + field + "\" has an unknown value " + value);
            }
            values.add(value.textValue());
        }
        return values;
    }

    private static List<KeyField> key(JsonNode node, String where) {
        JsonNode key = required(node, "key", where);
        if (!key.isArray() || key.isEmpty()) {
            throw new InvalidRulesException(
                    where + ": \"key\" must be a non-empty array of fields");
        }
        Set<KeyField> fields = new LinkedHashSet<>();
        for (JsonNode field : key) {
            KeyField parsed =
                    (field.isTextual()
                                    ? KeyField.byFileName(field.textValue())
                                    : java.util.Optional.<KeyField>empty())
                            .orElseThrow(
                                    () ->
                                            new InvalidRulesException(
                                                    where
                                                            + ": \"key\" has an unknown field "
                                                            + field
                                                            + " (allowed: townCode, village,"
                                                            + " gridCode, category, source,"
                                                            + " priority)"));
            if (!fields.add(parsed)) {
                throw new InvalidRulesException(where + ": \"key\" names " + field + " twice");
            }
        }
        return List.copyOf(fields);
    }

    private static ActiveHours activeHours(JsonNode node, String where) {
        JsonNode hours = node.get("activeHours");
        if (hours == null) {
            return ActiveHours.ALL_DAY;
        }
        Matcher matcher = hours.isTextual() ? HOURS.matcher(hours.textValue()) : null;
        if (matcher == null || !matcher.matches()) {
            throw new InvalidRulesException(
                    where + ": \"activeHours\" must be \"HH:MM-HH:MM\", not " + hours);
        }
        int fromHour = Integer.parseInt(matcher.group(1));
        int fromMinute = Integer.parseInt(matcher.group(2));
        int toHour = Integer.parseInt(matcher.group(3));
        int toMinute = Integer.parseInt(matcher.group(4));
        if (fromHour > 23
                || fromMinute > 59
                || toMinute > 59
                || toHour > 24
                || (toHour == 24 && toMinute != 0)) {
            throw new InvalidRulesException(
                    where
                            + ": \"activeHours\" "
                            + hours
                            + " is not a time of day (00:00 to 23:59, to may be 24:00)");
        }
        int from = fromHour * 60 + fromMinute;
        int to = toHour * 60 + toMinute;
        if (from == to) {
            throw new InvalidRulesException(
                    where + ": \"activeHours\" " + hours + " has from equal to to");
        }
        return new ActiveHours(from, to == 0 ? 1440 : to);
    }

    private static Duration slidingWindow(JsonNode node, String field, String where) {
        Duration window = duration(node, field, where);
        if (window.toMillis() % 1000 != 0 || window.compareTo(MAX_REACH) > 0) {
            throw new InvalidRulesException(
                    where
                            + ": \""
                            + field
                            + "\" must be whole seconds up to P"
                            + MAX_REACH_DAYS
                            + "D, not "
                            + window);
        }
        return window;
    }

    private static Duration tumblingWindow(JsonNode node, String where) {
        Duration window = duration(node, "window", where);
        if (window.toMillis() % 1000 != 0 || DAY.toMillis() % window.toMillis() != 0) {
            throw new InvalidRulesException(
                    where
                            + ": \"window\" "
                            + window
                            + " must be whole seconds and divide 24 hours");
        }
        return window;
    }

    private static Duration backlogDuration(JsonNode node, String where) {
        Duration duration = duration(node, "duration", where);
        if (duration.toMillis() % 60_000 != 0 || duration.compareTo(MAX_REACH) > 0) {
            throw new InvalidRulesException(
                    where
                            + ": \"duration\" must be whole minutes up to P"
                            + MAX_REACH_DAYS
                            + "D, not "
                            + duration);
        }
        return duration;
    }

    private static Duration duration(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        Duration duration;
        try {
            duration = value.isTextual() ? Duration.parse(value.textValue()) : null;
        } catch (DateTimeParseException e) {
            duration = null;
        }
        if (duration == null
                || duration.isNegative()
                || duration.isZero()
                || duration.getNano() % 1_000_000 != 0) {
            throw new InvalidRulesException(
                    where
                            + ": \""
                            + field
                            + "\" must be a positive ISO-8601 duration such as \"PT30M\", not "
                            + value);
        }
        return duration;
    }

    private static BigDecimal decimal(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isNumber()) {
            throw new InvalidRulesException(
                    where + ": \"" + field + "\" must be a number, not " + value);
        }
        return value.decimalValue();
    }

    private static int integer(JsonNode node, String field, int min, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
            throw new InvalidRulesException(
                    where
                            + ": \""
                            + field
                            + "\" must be a whole number of at least "
                            + min
                            + ", not "
                            + value);
        }
        return value.intValue();
    }

    private static String code(
            JsonNode node, String field, Predicate<String> known, boolean mandatory, String where) {
        JsonNode value = mandatory ? required(node, field, where) : node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !known.test(value.textValue())) {
            throw new InvalidRulesException(
                    where + ": \"" + field + "\" has an unknown value " + value);
        }
        return value.textValue();
    }

    private static boolean enabled(JsonNode node, String where) {
        JsonNode value = node.get("enabled");
        if (value == null) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new InvalidRulesException(
                    where + ": \"enabled\" must be true or false, not " + value);
        }
        return value.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(
            JsonNode node, String field, Class<E> type, String where) {
        JsonNode value = required(node, field, where);
        for (E constant : type.getEnumConstants()) {
            if (value.isTextual() && constant.name().equals(value.textValue())) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw new InvalidRulesException(
                where + ": \"" + field + "\" must be one of " + names + ", not " + value);
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRulesException(where + ": \"" + field + "\" is required");
        }
        return value;
    }

    private static void checkFields(JsonNode object, Set<String> allowed, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidRulesException(
                        where
                                + ": unknown field \""
                                + name
                                + "\" (allowed: "
                                + new TreeSet<>(allowed)
                                + ")");
            }
        }
    }
}
