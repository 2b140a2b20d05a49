package org.pingzhi.admin.install;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How the command authenticates to Kibana and Elasticsearch: an API key or a user and password,
 * both read from the environment (never the command line, where {@code ps} and shell histories
 * would show them), or nothing on an open local stack.
 */
public final class Credentials {

    private final String authorization;

    private Credentials(String authorization) {
        this.authorization = authorization;
    }

    public static Credentials none() {
        return new Credentials(null);
    }

    /**
     * {@code Authorization: ApiKey <key>}; the key as Kibana and Elasticsearch show it (base64).
     */
    public static Credentials apiKey(String encodedKey) {
        return new Credentials("ApiKey " + encodedKey);
    }

    public static Credentials basic(String user, String password) {
        String pair = user + ":" + password;
        return new Credentials(
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code Authorization} header's value, absent without credentials. */
    public Optional<String> authorizationHeader() {
        return Optional.ofNullable(authorization);
    }
}
