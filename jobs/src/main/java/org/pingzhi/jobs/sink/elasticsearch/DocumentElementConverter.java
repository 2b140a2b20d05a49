package org.pingzhi.jobs.sink.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.pingzhi.common.model.Document;

/**
 * Turns a rendered {@link Document} into a write: its index from {@link IndexNames}, {@code _id} =
 * the document's id, the JSON as source, full overwrite; under the document's fixed version if it
 * has one (else the writer gives it the next of its clock).
 */
public final class DocumentElementConverter
        implements ElementConverter<Document, ElasticsearchRequestEntry> {

    private static final long serialVersionUID = 1L;

    private final String indexPrefix;

    public DocumentElementConverter(String indexPrefix) {
        this.indexPrefix = Objects.requireNonNull(indexPrefix, "indexPrefix");
    }

    @Override
    public ElasticsearchRequestEntry apply(Document document, SinkWriter.Context context) {
        if (document.deletion()) {
            return ElasticsearchRequestEntry.deletion(
                    IndexNames.index(indexPrefix, document.kind(), document.eventTime()),
                    document.id());
        }
        ElasticsearchRequestEntry write =
                new ElasticsearchRequestEntry(
                        IndexNames.index(indexPrefix, document.kind(), document.eventTime()),
                        document.id(),
                        document.json().getBytes(StandardCharsets.UTF_8));
        return document.fixedVersion() == 0 ? write : write.withVersion(document.fixedVersion());
    }
}
