package org.pingzhi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's broker: a separate JVM whose topics survive a restart. */
class KafkaBrokerProcessTest {

    @TempDir Path home;

    @Test
    void startsAndKeepsItsTopicsAcrossRestarts() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        String classpath = System.getProperty("java.class.path");

        try (KafkaBrokerProcess broker =
                KafkaBrokerProcess.start(
                        home, port, controllerPort, classpath, Duration.ofSeconds(60))) {
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("kept-topic", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
        }

        try (KafkaBrokerProcess restarted =
                KafkaBrokerProcess.start(
                        home, port, controllerPort, classpath, Duration.ofSeconds(60))) {
            try (Admin admin = admin(restarted)) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).contains("kept-topic");
            }
        }
    }

    private static Admin admin(KafkaBrokerProcess broker) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(properties);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
