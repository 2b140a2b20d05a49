package org.pingzhi.dispatch.ack;

import java.io.IOException;

/** Where acknowledgements are kept. */
public interface AckStore {

    /** What a write did. */
    enum Written {
        RECORDED,
        /** The same person had acknowledged the alert before: the first acknowledgement stays. */
        ALREADY_RECORDED
    }

    /**
     * Records {@code ack} unless the same person acknowledged the alert before.
     *
     * @throws IOException when the store cannot take it now (the person may try again)
     */
    Written record(Acknowledgement ack) throws IOException;
}
