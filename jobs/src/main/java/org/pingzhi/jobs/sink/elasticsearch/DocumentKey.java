package org.pingzhi.jobs.sink.elasticsearch;

import java.util.Objects;

/** Which Elasticsearch document a write is for: writes with the same key overwrite each other. */
public record DocumentKey(String index, String id) {

    public DocumentKey {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
    }
}
