package org.pingzhi.jobs.sink.elasticsearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

/** Output documents shaped like the contract's, for sink tests. */
final class TestDocuments {

    static final long REPORTED_AT = Times.parseIso("2026-11-28T02:15:30.000Z");

    private TestDocuments() {}

    /** An incident document; {@code version} goes into the summary and {@code updatedAt}. */
    static Document incident(String incidentId, int version) {
        return new Document(
                DocumentKind.INCIDENT,
                incidentId,
                incidentJson(incidentId, version).toString(),
                REPORTED_AT + version);
    }

    /** An incident document of about {@code bytes} bytes: a long summary, as a big one may be. */
    static Document largeIncident(String incidentId, int bytes) {
        ObjectNode json = incidentJson(incidentId, 1);
        json.put("summary", "噪".repeat(bytes / 3));
        return new Document(DocumentKind.INCIDENT, incidentId, json.toString(), REPORTED_AT + 1);
    }

    private static ObjectNode incidentJson(String incidentId, int version) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("incidentId", incidentId);
        json.putArray("sources").add("110");
        json.put("category", "NOISE");
        json.put("priority", "P2");
        json.put("townCode", "330482101");
        json.put("town", "当湖街道");
        json.putObject("location").put("lat", 30.698).put("lon", 121.015);
        json.put("status", "REPORTED");
        json.put("reportedAt", Times.iso(REPORTED_AT));
        json.put("slaTargetSeconds", 600);
        json.put("slaStatus", "PENDING");
        json.put("summary", "第" + version + "版：当湖街道 夜间施工噪音扰民，群众多次反映");
        json.put("version", version);
        json.put("updatedAt", Times.iso(REPORTED_AT + version));
        return json;
    }

    /** An incident document that the incidents template cannot take: a number that is not one. */
    static Document malformedIncident(String incidentId) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("incidentId", incidentId);
        json.put("slaTargetSeconds", "ten minutes");
        return new Document(DocumentKind.INCIDENT, incidentId, json.toString(), REPORTED_AT);
    }

    /** A per-minute metric document, which goes to the daily index of its minute. */
    static Document metric(long minuteStart, String townCode) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("ts", Times.iso(minuteStart));
        json.put("townCode", townCode);
        json.put("source", "110");
        json.put("category", "NOISE");
        json.put("reported", 3);
        json.put("responseSecondsSum", 512.25);
        String id = minuteStart + ":" + townCode + ":110:NOISE";
        return new Document(DocumentKind.METRIC, id, json.toString(), minuteStart);
    }
}
