package org.pingzhi.admin.install;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP client for both servers, turning every failure into a message an operator can act on.
 */
final class HttpCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int BODY_SHOWN = 2000;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Credentials credentials;

    HttpCalls(Credentials credentials) {
        this.credentials = credentials;
    }

    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        credentials
                .authorizationHeader()
                .ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    /** Sends; returns the body of a 2xx answer, fails with the status and body otherwise. */
    String send(String server, HttpRequest request) throws InstallException {
        HttpResponse<String> response;
        try {
            response =
                    client.send(
                            request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InstallException(
                    "cannot reach " + server + " at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted calling " + request.uri(), e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new InstallException(
                    server
                            + " answered HTTP "
                            + status
                            + " to "
                            + request.method()
                            + " "
                            + request.uri()
                            + hint(status)
                            + ": "
                            + shortened(response.body()));
        }
        return response.body();
    }

    private static String hint(int status) {
        return status == 401 || status == 403
                ? " (check the credentials: --api-key-env, or --user with --password-env)"
                : "";
    }

    private static String shortened(String body) {
        return body.length() <= BODY_SHOWN ? body : body.substring(0, BODY_SHOWN) + " …";
    }
}
