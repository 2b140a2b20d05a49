package org.pingzhi.admin;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.pingzhi.admin.install.Credentials;

/**
 * The command line of {@code pingzhi dashboards}, with the credentials it names in the environment.
 */
record DashboardsArguments(
        URI kibana, Optional<URI> elasticsearch, boolean ilm, Credentials credentials) {

    static final String DEFAULT_API_KEY_ENV = "PINGZHI_KIBANA_API_KEY";
    static final String DEFAULT_PASSWORD_ENV = "PINGZHI_KIBANA_PASSWORD";

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: pingzhi dashboards --kibana URL [--elasticsearch URL [--ilm]]",
                    "                          [--api-key-env VAR | --user NAME [--password-env"
                            + " VAR]]",
                    "  --kibana URL         Kibana's base URL (e.g. http://localhost:5601); imports"
                            + " the",
                    "                       data views, the map and the four dashboards,"
                            + " overwriting",
                    "                       the objects of the same ids",
                    "  --elasticsearch URL  first installs the index templates of every index",
                    "  --ilm                also installs the ILM policy of the daily metrics"
                            + " indices",
                    "                       (production clusters; the local server has no ILM)",
                    "  --api-key-env VAR    the environment variable holding an API key (default "
                            + DEFAULT_API_KEY_ENV
                            + ",",
                    "                       used when set)",
                    "  --user NAME          basic authentication; the password is read from the",
                    "  --password-env VAR   environment variable VAR (default "
                            + DEFAULT_PASSWORD_ENV
                            + ")",
                    "Secrets are never taken from the command line. The same credentials are sent",
                    "to Kibana and Elasticsearch.");

    /** Thrown for a bad command line; an empty message asks for the usage only. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static DashboardsArguments parse(Map<String, String> environment, String... args)
            throws UsageException {
        URI kibana = null;
        URI elasticsearch = null;
        boolean ilm = false;
        String apiKeyEnv = null;
        String user = null;
        String passwordEnv = DEFAULT_PASSWORD_ENV;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException("");
            }
            if (flag.equals("--ilm")) {
                ilm = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--kibana" -> kibana = url(flag, value);
                case "--elasticsearch" -> elasticsearch = url(flag, value);
                case "--api-key-env" -> apiKeyEnv = value;
                case "--user" -> user = value;
                case "--password-env" -> passwordEnv = value;
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (kibana == null) {
            throw new UsageException("--kibana URL is required");
        }
        if (ilm && elasticsearch == null) {
            throw new UsageException("--ilm needs --elasticsearch URL");
        }
        if (apiKeyEnv != null && user != null) {
            throw new UsageException("give --api-key-env or --user, not both");
        }
        return new DashboardsArguments(
                kibana,
                Optional.ofNullable(elasticsearch),
                ilm,
                credentials(environment, apiKeyEnv, user, passwordEnv));
    }

    private static Credentials credentials(
            Map<String, String> environment, String apiKeyEnv, String user, String passwordEnv)
            throws UsageException {
        if (user != null) {
            return Credentials.basic(user, required(environment, passwordEnv, "--user"));
        }
        if (apiKeyEnv != null) {
            return Credentials.apiKey(required(environment, apiKeyEnv, "--api-key-env"));
        }
        String apiKey = environment.get(DEFAULT_API_KEY_ENV);
        return apiKey == null || apiKey.isBlank() ? Credentials.none() : Credentials.apiKey(apiKey);
    }

    private static String required(Map<String, String> environment, String variable, String flag)
            throws UsageException {
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            throw new UsageException(
                    flag + " needs the environment variable " + variable + ", which is not set");
        }
        return value;
    }

    private static URI url(String flag, String value) throws UsageException {
        try {
            URI uri =
                    URI.create(
                            value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the flag
        }
        throw new UsageException(flag + " must be an http(s) URL, not '" + value + "'");
    }
}
