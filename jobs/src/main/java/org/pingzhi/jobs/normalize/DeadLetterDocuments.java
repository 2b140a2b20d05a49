package org.pingzhi.jobs.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.privacy.PersonalFields;

/** Renders dead letters as documents: complete for the topic and replay, masked for the index. */
public final class DeadLetterDocuments {

    private DeadLetterDocuments() {}

    /**
     * The dead letter as the contract defines it, with the original record, under {@code
     * <topic>:<partition>:<offset>}: for the access-controlled dead-letter topic and replay's
     * {@code deadletter.jsonl}. A dead letter has no trustworthy event time, so it carries none
     * (0); {@code readAt}, when known, is when it was read.
     */
    public static Document toDocument(DeadLetter deadLetter) {
        ObjectNode document = Json.mapper().valueToTree(deadLetter);
        document.put("readAt", Times.isoOrNull(deadLetter.readAt()));
        return new Document(DocumentKind.DEAD_LETTER, deadLetter.id(), Json.toString(document), 0L);
    }

    /**
     * The dead letter for Elasticsearch, which never holds personal data in clear: the original
     * record is replaced by {@code valueMasked} — a JSON record without its personal fields (any
     * key naming a person, see {@link PersonalFields}), their values masked where they recur in the
     * text, and numbers masked, cut to 500 characters — or left out when the record is not a JSON
     * object. The original stays on the dead-letter topic under the same id. A {@code TOO_LARGE}
     * record is identified by its length and hash ({@code originalBytes}, {@code sha256}).
     */
    public static Document toIndexedDocument(DeadLetter deadLetter) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("reason", deadLetter.reason());
        document.put("message", deadLetter.message());
        document.put("topic", deadLetter.topic());
        document.put("partition", deadLetter.partition());
        document.put("offset", deadLetter.offset());
        document.put("valueMasked", maskedValue(deadLetter.value()));
        document.put("originalBytes", deadLetter.originalBytes());
        document.put("sha256", deadLetter.sha256());
        document.put("readAt", Times.isoOrNull(deadLetter.readAt()));
        return new Document(DocumentKind.DEAD_LETTER, deadLetter.id(), Json.toString(document), 0L);
    }

    static String maskedValue(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode parsed = Json.mapper().readTree(value);
            if (!(parsed instanceof ObjectNode record)) {
                return null;
            }
            return PersonalFields.maskedJson(record);
        } catch (IOException notJson) {
            return null;
        }
    }
}
