package org.pingzhi.jobs.rules.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

/**
 * The audit of the rules in force: one {@link DocumentKind#RULE} document per rule and version,
 * {@code <ruleId>:<version>}, with the rule as published, when it came into force and when the next
 * version replaced it (null until then). Made from the control records alone, so a restart that
 * reads them again writes the same documents.
 */
public final class RuleVersionDocuments {

    private RuleVersionDocuments() {}

    /** The rules of {@code version}, in force from its {@code inForceFrom}. */
    public static List<Document> inForce(RulesVersion version) {
        return documents(version, null, null);
    }

    /** The rules of {@code version}, replaced by {@code next} at its {@code inForceFrom}. */
    public static List<Document> replaced(RulesVersion version, RulesVersion next) {
        return documents(version, next.inForceFrom(), next.version());
    }

    private static List<Document> documents(
            RulesVersion version, Long replacedAt, String replacedBy) {
        List<Document> documents = new ArrayList<>();
        for (JsonNode rule : parse(version.json()).path("rules")) {
            String ruleId = rule.path("id").asText();
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("ruleId", ruleId);
            document.put("version", version.version());
            document.put("kind", rule.path("kind").asText());
            document.put("enabled", rule.path("enabled").asBoolean(true));
            document.put("severity", rule.path("severity").asText());
            document.put("level", rule.path("level").asText());
            document.put("rule", rule);
            document.put("inForceFrom", Times.iso(version.inForceFrom()));
            document.put("replacedAt", Times.isoOrNull(replacedAt));
            document.put("replacedBy", replacedBy);
            documents.add(
                    new Document(
                            DocumentKind.RULE,
                            ruleId + ":" + version.version(),
                            Json.toString(document),
                            replacedAt == null ? version.inForceFrom() : replacedAt));
        }
        return documents;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A validated rules file does not parse", e);
        }
    }
}
