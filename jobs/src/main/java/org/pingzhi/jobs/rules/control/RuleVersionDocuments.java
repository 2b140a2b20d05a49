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
 * {@code <ruleId>:<version>}, with the rule as it was published (or loaded at start), when it came
 * into force and when the next version replaced it (null until then). A published version's are
 * made from its control record alone, so a restart that reads it again writes the same documents.
 * The start file's come into force when the job first started with it, an instant no record
 * carries: they are written under fixed versions ({@link Document#fixedVersion}), in force below
 * replaced, so that neither a later start with the same file nor a restart rewrites when it came
 * into force, and a replaced start file stays replaced.
 */
public final class RuleVersionDocuments {

    /** The fixed version of a start file's documents in force. */
    static final long START_IN_FORCE = 1;

    /**
     * The fixed version of a start file's documents once replaced: above {@link #START_IN_FORCE}.
     */
    static final long START_REPLACED = 2;

    private RuleVersionDocuments() {}

    /** The rules of {@code version}, in force from its {@code inForceFrom}. */
    public static List<Document> inForce(RulesVersion version) {
        return documents(version, null, null, 0);
    }

    /** The rules of {@code version}, replaced by {@code next} at its {@code inForceFrom}. */
    public static List<Document> replaced(RulesVersion version, RulesVersion next) {
        return documents(version, next.inForceFrom(), next.version(), 0);
    }

    /** The rules of the start file, in force from when the job first started with it. */
    public static List<Document> startInForce(RulesVersion start) {
        return documents(start, null, null, START_IN_FORCE);
    }

    /**
     * The rules of the start file, replaced by {@code next}: at its {@code inForceFrom}, or as the
     * job started if {@code next} was published before (a job that reads the control topic's
     * history at start).
     */
    public static List<Document> startReplaced(RulesVersion start, RulesVersion next) {
        return documents(
                start,
                Math.max(next.inForceFrom(), start.inForceFrom()),
                next.version(),
                START_REPLACED);
    }

    private static List<Document> documents(
            RulesVersion version, Long replacedAt, String replacedBy, long fixedVersion) {
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
                            replacedAt == null ? version.inForceFrom() : replacedAt,
                            false,
                            fixedVersion));
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
