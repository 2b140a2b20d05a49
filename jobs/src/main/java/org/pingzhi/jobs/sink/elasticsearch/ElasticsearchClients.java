package org.pingzhi.jobs.sink.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/** Opens Elasticsearch clients for an {@link ElasticsearchConnection}. Close what you open. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    public static ElasticsearchClient client(ElasticsearchConnection connection) {
        return new ElasticsearchClient(transport(connection));
    }

    public static ElasticsearchAsyncClient asyncClient(ElasticsearchConnection connection) {
        return new ElasticsearchAsyncClient(transport(connection));
    }

    private static Rest5ClientTransport transport(ElasticsearchConnection connection) {
        Timeout connectTimeout = Timeout.of(connection.connectTimeout());
        Timeout requestTimeout = Timeout.of(connection.requestTimeout());
        Rest5ClientBuilder builder =
                Rest5Client.builder(connection.hosts())
                        .setConnectionConfigCallback(
                                config ->
                                        config.setConnectTimeout(connectTimeout)
                                                .setSocketTimeout(requestTimeout))
                        .setRequestConfigCallback(
                                config -> config.setResponseTimeout(requestTimeout))
                        // the sink's RetryPolicy decides about retries, with its own backoff
                        .setHttpClientConfigCallback(
                                HttpAsyncClientBuilder::disableAutomaticRetries);
        authorization(connection)
                .ifPresent(
                        value ->
                                builder.setDefaultHeaders(
                                        new Header[] {
                                            new BasicHeader(HttpHeaders.AUTHORIZATION, value)
                                        }));
        if (connection.caCertPath() != null) {
            builder.setSSLContext(trusting(Path.of(connection.caCertPath())));
        }
        return new Rest5ClientTransport(builder.build(), new JacksonJsonpMapper());
    }

    /** The value of the Authorization header the connection's credentials call for. */
    static Optional<String> authorization(ElasticsearchConnection connection) {
        if (connection.apiKey() != null) {
            return Optional.of("ApiKey " + connection.apiKey());
        }
        if (connection.username() != null) {
            String pair = connection.username() + ":" + connection.password();
            return Optional.of(
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /** TLS that trusts exactly the CA certificate(s) in a PEM file. */
    static SSLContext trusting(Path caCertPem) {
        try {
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore(caCertPem));
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot trust CA certificate " + caCertPem, e);
        }
    }

    /** A trust store of the CA certificate(s) in a PEM file. */
    static KeyStore trustStore(Path caCertPem) {
        try (InputStream in = Files.newInputStream(caCertPem)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + caCertPem);
            }
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                trustStore.setCertificateEntry("ca-" + n++, certificate);
            }
            return trustStore;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CA certificate " + caCertPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad CA certificate " + caCertPem, e);
        }
    }
}
