package org.pingzhi.common.model;

import java.util.Objects;

/**
 * One output document, already rendered: what the Elasticsearch sink upserts under {@code id}, what
 * replay writes to its JSONL files, and (for alerts) what goes to the alerts topic.
 *
 * <p>Ids are deterministic (see the contract), so writing the same document twice overwrites.
 *
 * @param kind which index / file it belongs to
 * @param id the document id ({@code _id})
 * @param json the document source, a JSON object
 * @param eventTime the event time the document speaks for, epoch milliseconds (picks the daily
 *     index of metrics; never the wall clock)
 */
public record Document(DocumentKind kind, String id, String json, long eventTime) {

    public Document {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }
}
