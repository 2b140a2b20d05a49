package org.pingzhi.simulate;

import java.io.IOException;

/** Where the simulator's records go: Kafka topics or replay files. */
interface RecordSink extends AutoCloseable {

    /** Sends a record; throws when this sink cannot go on (e.g. a send failed for good). */
    void send(SimulatedRecord record) throws IOException;

    /** Makes everything sent so far durable; then closes. */
    @Override
    void close() throws IOException;

    /** For the user: where the records go. */
    String describe();
}
