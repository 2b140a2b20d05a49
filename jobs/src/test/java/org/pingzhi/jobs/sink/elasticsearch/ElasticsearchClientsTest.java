package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchClientsTest {

    private final ElasticsearchConnection plain =
            ElasticsearchConnection.to("http://127.0.0.1:9200");

    @Test
    void an_api_key_is_sent_as_api_key_authorization() {
        assertThat(ElasticsearchClients.authorization(plain.withApiKey("a2V5")))
                .contains("ApiKey a2V5");
    }

    @Test
    void user_and_password_are_sent_as_basic_authorization() {
        String header =
                ElasticsearchClients.authorization(plain.withBasicAuth("平治", "pw:1")).orElseThrow();

        assertThat(header).startsWith("Basic ");
        assertThat(
                        new String(
                                Base64.getDecoder().decode(header.substring(6)),
                                StandardCharsets.UTF_8))
                .isEqualTo("平治:pw:1");
    }

    @Test
    void no_credentials_no_authorization() {
        assertThat(ElasticsearchClients.authorization(plain)).isEmpty();
    }

    @Test
    void a_ca_certificate_file_becomes_the_trust_store() throws Exception {
        KeyStore trustStore = ElasticsearchClients.trustStore(testCa());

        assertThat(Collections.list(trustStore.aliases())).hasSize(1);
        X509Certificate ca = (X509Certificate) trustStore.getCertificate("ca-0");
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Pingzhi Test CA");
        assertThat(ElasticsearchClients.trusting(testCa()).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void a_file_without_a_certificate_is_refused(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        assertThatThrownBy(() -> ElasticsearchClients.trustStore(empty))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ElasticsearchClients.trustStore(dir.resolve("missing.pem")))
                .hasMessageContaining("cannot read CA certificate");
    }

    @Test
    void a_client_can_be_opened_with_tls_and_credentials_without_contacting_the_server()
            throws Exception {
        ElasticsearchConnection connection =
                ElasticsearchConnection.to("https://127.0.0.1:1")
                        .withApiKey("a2V5")
                        .withCaCert(testCa().toString());

        ElasticsearchClients.client(connection).close();
    }

    private static Path testCa() throws URISyntaxException, KeyStoreException {
        return Path.of(ElasticsearchClientsTest.class.getResource("test-ca.pem").toURI());
    }
}
