package org.pingzhi.dispatch.ack;

import java.io.IOException;

/**
 * Where acknowledgements are kept, the first one per alert and person, with whether it was
 * published yet: a publication that failed is completed by the next try.
 */
public interface AckStore {

    /** What a write did. */
    enum Written {
        RECORDED,
        /** The same person had acknowledged the alert before: the first acknowledgement stays. */
        ALREADY_RECORDED
    }

    /**
     * @param standing the acknowledgement on record: {@code ack}, or the same person's first one
     * @param published whether {@code standing} was published already
     */
    record Recorded(Acknowledgement standing, Written written, boolean published) {}

    /**
     * Records {@code ack} unless the same person acknowledged the alert before.
     *
     * @throws IOException when the store cannot take it now (the person may try again)
     */
    Recorded record(Acknowledgement ack) throws IOException;

    /**
     * Notes that {@code standing} was published, so that a later try does not publish it again.
     *
     * @throws IOException when the store cannot take it now (a later try publishes it once more)
     */
    void markPublished(Acknowledgement standing) throws IOException;
}
