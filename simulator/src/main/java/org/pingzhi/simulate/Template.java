package org.pingzhi.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text an incident's caller might have said, with placeholders filled per incident.
 *
 * @param category the 12345 category path, or the 110 alarm type
 * @param handoverCategory for a 110 alarm handed over to 12345, the category of the order; else
 *     null
 * @param weight its share of the incidents
 * @param parts the text split into literals and placeholders ({@code {road}} etc.)
 */
record Template(String category, String handoverCategory, double weight, List<String> parts) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    static Template parse(String category, String handoverCategory, double weight, String text) {
        List<String> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int end = 0;
        while (matcher.find()) {
            parts.add(text.substring(end, matcher.start()));
            parts.add(matcher.group(1));
            end = matcher.end();
        }
        parts.add(text.substring(end));
        return new Template(category, handoverCategory, weight, List.copyOf(parts));
    }

    /** The text, each placeholder (odd parts) replaced by what {@code fill} gives for its name. */
    String render(Placeholders fill) {
        StringBuilder text = new StringBuilder(64);
        for (int i = 0; i < parts.size(); i++) {
            text.append(i % 2 == 0 ? parts.get(i) : fill.value(parts.get(i)));
        }
        return text.toString();
    }

    /** Values for a template's placeholders. */
    interface Placeholders {
        String value(String name);
    }
}
