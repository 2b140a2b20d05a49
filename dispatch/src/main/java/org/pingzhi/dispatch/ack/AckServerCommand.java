package org.pingzhi.dispatch.ack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code ./pingzhi ack-server}: serves the acknowledgement links of the alert messages, writes each
 * acknowledgement to Elasticsearch {@code pingzhi-acks} and publishes the first one per alert and
 * person to the Kafka topic {@code pingzhi-acks}. Runs until Ctrl-C.
 */
public final class AckServerCommand {

    private AckServerCommand() {}

    public static void main(String[] args) {
        AckServerOptions options;
        try {
            options = AckServerOptions.parse(args, System.getenv());
        } catch (AckServerOptions.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("pingzhi ack-server: " + e.getMessage());
            }
            System.err.print(AckServerOptions.USAGE);
            System.exit(2);
            return;
        }
        AckServer server;
        try {
            server = start(options, System.out);
        } catch (IOException e) {
            System.err.println("pingzhi ack-server failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        // the server's threads keep the JVM running until Ctrl-C
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ack-server-stop"));
    }

    /** Creates the index if missing, starts the server and prints where it listens. */
    static AckServer start(AckServerOptions options, PrintStream out) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ElasticsearchAckStore store =
                new ElasticsearchAckStore(
                        client, options.elasticsearch(), options.apiKey(), Clock.systemUTC());
        store.createIndexIfMissing();
        KafkaAckPublisher publisher =
                new KafkaAckPublisher(options.kafkaProperties(), options.acksTopic());
        AckServer server;
        try {
            server =
                    AckServer.start(
                            new InetSocketAddress(options.bind(), options.port()),
                            new AckSignature(options.secret()),
                            store,
                            publisher,
                            Clock.systemUTC());
        } catch (IOException e) {
            publisher.close();
            throw e;
        }
        out.println(
                "ack-server: listening on "
                        + server.address()
                        + "/ack, acknowledgements to "
                        + options.elasticsearch()
                        + "/"
                        + ElasticsearchAckStore.INDEX
                        + " and Kafka "
                        + options.kafkaClient().get("bootstrap.servers")
                        + " topic "
                        + options.acksTopic());
        return server;
    }
}
