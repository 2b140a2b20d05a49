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
 * @param deletion whether this removes the document under {@code id} instead (its json is empty)
 * @param fixedVersion the version this write must carry in Elasticsearch, 0: the sink's clock (a
 *     later write wins). Fixed versions lie below every clock version and a write lands only over a
 *     lower one, so the first write of a document under a fixed version stays until one under a
 *     higher version comes
 */
public record Document(
        DocumentKind kind,
        String id,
        String json,
        long eventTime,
        boolean deletion,
        long fixedVersion) {

    public Document {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        if (fixedVersion < 0) {
            throw new IllegalArgumentException("fixedVersion < 0: " + fixedVersion);
        }
    }

    public Document(DocumentKind kind, String id, String json, long eventTime) {
        this(kind, id, json, eventTime, false);
    }

    public Document(DocumentKind kind, String id, String json, long eventTime, boolean deletion) {
        this(kind, id, json, eventTime, deletion, 0);
    }

    /**
     * Removes what an earlier write left under {@code id}: a document that a failed attempt wrote
     * and the recovered attempt no longer stands by.
     */
    public static Document deletionOf(DocumentKind kind, String id, long eventTime) {
        return new Document(kind, id, "", eventTime, true);
    }
}
