package org.pingzhi.dispatch.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckServerOptionsTest {

    static final String SECRET = "ack-secret-0123456789abcdef";

    @Test
    void defaultsWithTheSecretFromTheEnvironment() throws Exception {
        AckServerOptions options =
                AckServerOptions.parse(new String[0], Map.of(AckServerOptions.SECRET_ENV, SECRET));

        assertThat(options)
                .isEqualTo(
                        new AckServerOptions(
                                "127.0.0.1",
                                8470,
                                URI.create("http://127.0.0.1:9200"),
                                SECRET,
                                Optional.empty(),
                                Map.of("bootstrap.servers", "127.0.0.1:9092"),
                                "pingzhi-acks"));
    }

    @Test
    void theConfigFileWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ack.properties");
        Files.writeString(
                config,
                AckServerOptions.SECRET_KEY
                        + "="
                        + SECRET
                        + "-file\n"
                        + AckServerOptions.API_KEY
                        + "=k3y\n"
                        + "pingzhi.kafka.property.security.protocol=SASL_SSL\n");

        AckServerOptions options =
                AckServerOptions.parse(
                        new String[] {
                            "--config",
                            config.toString(),
                            "--port",
                            "9000",
                            "--elasticsearch",
                            "http://es:9200",
                            "--bootstrap-servers",
                            "kafka-1:9093",
                            "--acks-topic",
                            "acks"
                        },
                        Map.of(AckServerOptions.SECRET_ENV, SECRET));

        assertThat(options.secret()).isEqualTo(SECRET + "-file");
        assertThat(options.apiKey()).contains("k3y");
        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.elasticsearch()).isEqualTo(URI.create("http://es:9200"));
        assertThat(options.kafkaClient())
                .isEqualTo(
                        Map.of(
                                "bootstrap.servers",
                                "kafka-1:9093",
                                "security.protocol",
                                "SASL_SSL"));
        assertThat(options.acksTopic()).isEqualTo("acks");
    }

    @Test
    void refusesToStartWithoutAGoodSecretOrWithABadCommandLine() {
        assertThatThrownBy(() -> AckServerOptions.parse(new String[0], Map.of()))
                .hasMessageContaining(AckServerOptions.SECRET_KEY)
                .hasMessageContaining(AckServerOptions.SECRET_ENV);
        assertThatThrownBy(
                        () ->
                                AckServerOptions.parse(
                                        new String[0],
                                        Map.of(AckServerOptions.SECRET_ENV, "short")))
                .hasMessageContaining("at least 16");
        Map<String, String> env = Map.of(AckServerOptions.SECRET_ENV, SECRET);
        assertThatThrownBy(() -> AckServerOptions.parse(new String[] {"--port", "x"}, env))
                .hasMessage("--port x is not a number");
        assertThatThrownBy(() -> AckServerOptions.parse(new String[] {"--secret", SECRET}, env))
                .hasMessage("unknown option --secret");
        assertThatThrownBy(() -> AckServerOptions.parse(new String[] {"--port"}, env))
                .hasMessage("--port needs a value");
    }
}
