package org.pingzhi.admin.install;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.pingzhi.common.json.Json;

/**
 * Imports the saved objects into Kibana: {@code POST /api/saved_objects/_import?overwrite=true},
 * the NDJSON as the multipart field {@code file}. Ids are stable, so a second import overwrites the
 * same objects instead of adding copies.
 */
public final class KibanaImport {

    public static final String PATH = "/api/saved_objects/_import?overwrite=true";

    private static final String SERVER = "Kibana";

    private final URI base;
    private final HttpCalls http;
    private final PrintStream out;

    /** {@code base}: the server's URL without a trailing slash, a path (a proxy's prefix) kept. */
    public KibanaImport(URI base, Credentials credentials, PrintStream out) {
        this.base = base;
        this.http = new HttpCalls(credentials);
        this.out = out;
    }

    /** Imports {@code ndjson} under the file name {@code fileName}; prints each object's result. */
    public void importBundle(String fileName, String ndjson) throws InstallException {
        String boundary = "pingzhi-" + UUID.randomUUID();
        HttpRequest request =
                http.request(URI.create(base + PATH))
                        .header("kbn-xsrf", "true")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        multipartBody(boundary, fileName, ndjson),
                                        StandardCharsets.UTF_8))
                        .build();
        report(http.send(SERVER, request));
    }

    /** The body of a form with the one file field Kibana's import reads. */
    public static String multipartBody(String boundary, String fileName, String content) {
        return "--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\n"
                + "Content-Type: application/ndjson\r\n"
                + "\r\n"
                + content
                + "\r\n--"
                + boundary
                + "--\r\n";
    }

    /**
     * Prints one line per imported object and per error; an answer with errors (a 200 with {@code
     * success: false}) fails the install.
     */
    private void report(String body) throws InstallException {
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new InstallException("Kibana's import answer is not JSON: " + body, e);
        }
        for (JsonNode result : answer.path("successResults")) {
            out.println(
                    "kibana: "
                            + result.path("type").asText()
                            + " "
                            + result.path("id").asText()
                            + " ("
                            + result.at("/meta/title").asText()
                            + ") "
                            + (result.path("overwrite").asBoolean() ? "overwritten" : "created"));
        }
        int errors = 0;
        for (JsonNode error : answer.path("errors")) {
            errors++;
            out.println(
                    "kibana: FAILED "
                            + error.path("type").asText()
                            + " "
                            + error.path("id").asText()
                            + ": "
                            + error.path("error"));
        }
        if (!answer.path("success").asBoolean(false) || errors > 0) {
            throw new InstallException(
                    "Kibana imported "
                            + answer.path("successCount").asInt()
                            + " objects and refused "
                            + errors
                            + " (see above)");
        }
        out.println("kibana: " + answer.path("successCount").asInt() + " objects imported");
    }
}
