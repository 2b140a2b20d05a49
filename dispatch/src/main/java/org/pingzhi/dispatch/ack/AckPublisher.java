package org.pingzhi.dispatch.ack;

import java.io.IOException;

/** Where accepted acknowledgements are announced (the Kafka topic {@code pingzhi-acks}). */
public interface AckPublisher extends AutoCloseable {

    /**
     * Returns once the acknowledgement is durably published.
     *
     * @throws IOException when it is not (the person may try again)
     */
    void publish(Acknowledgement ack) throws IOException;

    @Override
    void close();
}
