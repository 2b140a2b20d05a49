package org.pingzhi.dispatch.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pingzhi.common.json.Json;

/**
 * The JSON body of a generic webhook, written in the roster with placeholders such as {@code
 * "text": "${title}"}. A placeholder stands inside a JSON string: its value is inserted
 * JSON-escaped, so no alert text can break the document or add fields. Only the facts of {@link
 * AlertFacts#PLACEHOLDERS} exist.
 */
public final class BodyTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final String template;

    private BodyTemplate(String template) {
        this.template = template;
    }

    /**
     * A checked template.
     *
     * @throws IllegalArgumentException naming an unknown placeholder, or when the template with
     *     every placeholder filled is not a JSON object
     */
    public static BodyTemplate parse(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!AlertFacts.PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add("${" + matcher.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown placeholder(s) "
                            + String.join(", ", unknown)
                            + "; known: "
                            + String.join(", ", AlertFacts.PLACEHOLDERS));
        }
        BodyTemplate checked = new BodyTemplate(template);
        String sample = PLACEHOLDER.matcher(template).replaceAll("x");
        try {
            if (!Json.mapper().readTree(sample).isObject()) {
                throw new IllegalArgumentException("the body is not a JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the body is not JSON once filled in (a placeholder belongs inside a JSON"
                            + " string): "
                            + e.getOriginalMessage());
        }
        return checked;
    }

    /** The body with every placeholder replaced by its JSON-escaped value. */
    public String render(Map<String, String> facts) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder body = new StringBuilder();
        while (matcher.find()) {
            String value = facts.getOrDefault(matcher.group(1), "");
            String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(value));
            matcher.appendReplacement(body, Matcher.quoteReplacement(escaped));
        }
        matcher.appendTail(body);
        return body.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
