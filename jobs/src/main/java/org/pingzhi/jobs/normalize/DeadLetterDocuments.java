package org.pingzhi.jobs.normalize;

import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

/** Renders dead letters as documents for the dead-letter topic, index and replay file. */
public final class DeadLetterDocuments {

    private DeadLetterDocuments() {}

    /**
     * The document of a dead letter, under {@code <topic>:<partition>:<offset>}. A dead letter has
     * no trustworthy event time, so its document carries none (0).
     */
    public static Document toDocument(DeadLetter deadLetter) {
        return new Document(
                DocumentKind.DEAD_LETTER, deadLetter.id(), Json.toString(deadLetter), 0L);
    }
}
