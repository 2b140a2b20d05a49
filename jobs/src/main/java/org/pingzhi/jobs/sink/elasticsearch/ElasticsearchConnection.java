package org.pingzhi.jobs.sink.elasticsearch;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.configuration.ReadableConfig;
import org.pingzhi.common.config.DeploymentMode;
import org.pingzhi.common.privacy.PrivacyOptions;

/**
 * Where Elasticsearch is and how to talk to it: hosts, credentials (API key or user and password,
 * or none), the CA to trust for https, timeouts. Serializable, so a sink can carry it to its
 * writers; {@link #toString()} hides the secrets.
 *
 * @param hosts http(s) endpoints
 * @param apiKey encoded API key, or null
 * @param username user for basic authentication, or null
 * @param password password for basic authentication, or null
 * @param caCertPath PEM file of the CA certificate(s) to trust, or null for the JVM's trust store
 * @param connectTimeout timeout of establishing a connection
 * @param requestTimeout timeout of waiting for a response
 */
public record ElasticsearchConnection(
        List<URI> hosts,
        String apiKey,
        String username,
        String password,
        String caCertPath,
        Duration connectTimeout,
        Duration requestTimeout)
        implements Serializable {

    public ElasticsearchConnection {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no Elasticsearch host");
        }
        for (URI host : hosts) {
            if (!("http".equals(host.getScheme()) || "https".equals(host.getScheme()))
                    || host.getHost() == null) {
                throw new IllegalArgumentException(
                        "Elasticsearch host must be http(s)://host[:port], got " + host);
            }
        }
        if (apiKey != null && username != null) {
            throw new IllegalArgumentException(
                    "configure an API key or a username and password, not both");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password go together");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
    }

    /** Plain http(s) to the given URLs, no credentials, default timeouts. */
    public static ElasticsearchConnection to(String... urls) {
        return to(List.of(urls));
    }

    private static ElasticsearchConnection to(List<String> urls) {
        List<URI> hosts = new ArrayList<>(urls.size());
        for (String url : urls) {
            hosts.add(URI.create(url.trim()));
        }
        return new ElasticsearchConnection(
                hosts,
                null,
                null,
                null,
                null,
                ElasticsearchOptions.CONNECT_TIMEOUT.defaultValue(),
                ElasticsearchOptions.REQUEST_TIMEOUT.defaultValue());
    }

    /**
     * From the {@link ElasticsearchOptions} in {@code config}.
     *
     * @throws IllegalArgumentException in {@link DeploymentMode#PRODUCTION} when credentials would
     *     go to a plain {@code http://} host
     */
    public static ElasticsearchConnection fromConfiguration(ReadableConfig config) {
        ElasticsearchConnection connection =
                to(config.get(ElasticsearchOptions.HOSTS))
                        .withTimeouts(
                                config.get(ElasticsearchOptions.CONNECT_TIMEOUT),
                                config.get(ElasticsearchOptions.REQUEST_TIMEOUT))
                        .withCaCert(config.get(ElasticsearchOptions.CA_CERT));
        String apiKey = config.get(ElasticsearchOptions.API_KEY);
        String username = config.get(ElasticsearchOptions.USERNAME);
        String password = config.get(ElasticsearchOptions.PASSWORD);
        if (apiKey != null && username != null) {
            throw new IllegalArgumentException(
                    "set "
                            + ElasticsearchOptions.API_KEY.key()
                            + " or "
                            + ElasticsearchOptions.USERNAME.key()
                            + ", not both");
        }
        if ((apiKey != null || username != null || password != null)
                && config.get(PrivacyOptions.MODE) == DeploymentMode.PRODUCTION) {
            refusePlainHttp(connection.hosts());
        }
        if (apiKey != null) {
            return connection.withApiKey(apiKey);
        }
        if (username != null || password != null) {
            return connection.withBasicAuth(username, password);
        }
        return connection;
    }

    /** Credentials sent over plain http can be read by anyone on the way. */
    private static void refusePlainHttp(List<URI> hosts) {
        List<URI> plain = hosts.stream().filter(host -> "http".equals(host.getScheme())).toList();
        if (!plain.isEmpty()) {
            throw new IllegalArgumentException(
                    ElasticsearchOptions.HOSTS.key()
                            + " has plain http:// hosts "
                            + plain
                            + ", which would carry the Elasticsearch credentials in clear: use"
                            + " https:// in PRODUCTION");
        }
    }

    /** Whether requests carry credentials (an API key or a user and password). */
    public boolean authenticated() {
        return apiKey != null || username != null;
    }

    public ElasticsearchConnection withApiKey(String key) {
        return new ElasticsearchConnection(
                hosts,
                Objects.requireNonNull(key, "key"),
                null,
                null,
                caCertPath,
                connectTimeout,
                requestTimeout);
    }

    public ElasticsearchConnection withBasicAuth(String user, String secret) {
        return new ElasticsearchConnection(
                hosts, null, user, secret, caCertPath, connectTimeout, requestTimeout);
    }

    /** Trust the CA certificate(s) in this PEM file for https; null trusts the JVM's CAs. */
    public ElasticsearchConnection withCaCert(String pemPath) {
        return new ElasticsearchConnection(
                hosts, apiKey, username, password, pemPath, connectTimeout, requestTimeout);
    }

    public ElasticsearchConnection withTimeouts(Duration connect, Duration request) {
        return new ElasticsearchConnection(
                hosts, apiKey, username, password, caCertPath, connect, request);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }

    @Override
    public String toString() {
        return "ElasticsearchConnection{hosts="
                + hosts
                + ", auth="
                + (apiKey != null
                        ? "api-key"
                        : username != null ? "basic(" + username + ")" : "none")
                + ", caCert="
                + caCertPath
                + ", connectTimeout="
                + connectTimeout
                + ", requestTimeout="
                + requestTimeout
                + "}";
    }
}
