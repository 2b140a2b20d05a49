package org.pingzhi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.admin.install.BundledFiles;
import org.pingzhi.admin.install.KibanaImport;
import org.pingzhi.admin.kibana.SavedObjectBundle;

/**
 * {@code pingzhi dashboards} against a local HTTP server standing in for Kibana and Elasticsearch,
 * which records every request and answers what the test says.
 */
class DashboardsCommandTest {

    private static final Path DASHBOARDS =
            Path.of(System.getProperty("pingzhi.project.root", ".."), "dashboards");
    private static final String IMPORT_OK =
            "{\"success\":true,\"successCount\":2,\"successResults\":["
                + "{\"type\":\"index-pattern\",\"id\":\"pingzhi-incidents\",\"meta\":{\"title\":\"pingzhi-incidents\"},\"overwrite\":true},"
                + "{\"type\":\"dashboard\",\"id\":\"pingzhi-overview\",\"meta\":{\"title\":\"指挥中心总览\"}}]}";

    record Recorded(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final List<Recorded> requests = new ArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;
    private String base;

    record Answer(int status, String body) {}

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    synchronized (requests) {
                        requests.add(
                                new Recorded(
                                        exchange.getRequestMethod(),
                                        exchange.getRequestURI().toString(),
                                        Map.copyOf(exchange.getRequestHeaders()),
                                        body));
                    }
                    Answer answer =
                            answers.getOrDefault(
                                    exchange.getRequestURI().getPath(),
                                    new Answer(200, "{\"acknowledged\":true}"));
                    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(answer.status(), bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void installs_every_template_then_imports_the_bundle_as_one_multipart_file()
            throws IOException {
        answers.put("/kibana/api/saved_objects/_import", new Answer(200, IMPORT_OK));

        int exit =
                run(
                        Map.of("PINGZHI_KIBANA_API_KEY", "a2V5OnNlY3JldA=="),
                        "--kibana",
                        base + "/kibana/",
                        "--elasticsearch",
                        base);

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(requests).hasSize(BundledFiles.INDEX_TEMPLATES.size() + 1);
        for (int i = 0; i < BundledFiles.INDEX_TEMPLATES.size(); i++) {
            String name = BundledFiles.INDEX_TEMPLATES.get(i);
            Recorded put = requests.get(i);
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.uri()).isEqualTo("/_index_template/" + name);
            assertThat(put.header("Content-Type")).isEqualTo("application/json");
            assertThat(put.header("Authorization")).isEqualTo("ApiKey a2V5OnNlY3JldA==");
            assertThat(put.body())
                    .isEqualTo(
                            Files.readString(
                                    DASHBOARDS.resolve("elasticsearch/" + name + ".json")));
        }
        Recorded imported = requests.get(requests.size() - 1);
        assertThat(imported.method()).isEqualTo("POST");
        assertThat(imported.uri()).isEqualTo("/kibana/api/saved_objects/_import?overwrite=true");
        assertThat(imported.header("kbn-xsrf")).isEqualTo("true");
        assertThat(imported.header("Authorization")).isEqualTo("ApiKey a2V5OnNlY3JldA==");
        Matcher boundary =
                Pattern.compile("multipart/form-data; boundary=(\\S+)")
                        .matcher(imported.header("Content-Type"));
        assertThat(boundary.matches()).as(imported.header("Content-Type")).isTrue();
        String ndjson =
                Files.readString(
                        DASHBOARDS.resolve("kibana/" + SavedObjectBundle.FILE_NAME),
                        StandardCharsets.UTF_8);
        assertThat(imported.body())
                .isEqualTo(
                        "--"
                                + boundary.group(1)
                                + "\r\n"
                                + "Content-Disposition: form-data; name=\"file\";"
                                + " filename=\"pingzhi-dashboards.ndjson\"\r\n"
                                + "Content-Type: application/ndjson\r\n\r\n"
                                + ndjson
                                + "\r\n--"
                                + boundary.group(1)
                                + "--\r\n");
        assertThat(imported.body())
                .isEqualTo(
                        KibanaImport.multipartBody(
                                boundary.group(1), SavedObjectBundle.FILE_NAME, ndjson));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("elasticsearch: index template pingzhi-rules installed")
                .contains("kibana: index-pattern pingzhi-incidents (pingzhi-incidents) overwritten")
                .contains("kibana: dashboard pingzhi-overview (指挥中心总览) created")
                .contains("kibana: 2 objects imported");
    }

    @Test
    void a_4xx_answer_fails_with_the_status_the_request_and_the_body() {
        answers.put(
                "/api/saved_objects/_import",
                new Answer(
                        401,
                        "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"missing"
                                + " authentication credentials\"}"));

        int exit = run(Map.of(), "--kibana", base);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "pingzhi dashboards failed: Kibana answered HTTP 401 to POST "
                                + base
                                + "/api/saved_objects/_import?overwrite=true (check the"
                                + " credentials")
                .contains("missing authentication credentials");
        assertThat(requests)
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void objects_kibana_refuses_are_printed_and_fail_the_install() {
        answers.put(
                "/api/saved_objects/_import",
                new Answer(
                        200,
                        "{\"success\":false,\"successCount\":0,\"errors\":[{\"id\":\"pingzhi-overview\",\"type\":\"dashboard\","
                            + "\"error\":{\"type\":\"missing_references\",\"references\":[{\"type\":\"index-pattern\",\"id\":\"x\"}]}}]}"));

        int exit = run(Map.of(), "--kibana", base);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "kibana: FAILED dashboard pingzhi-overview:"
                                + " {\"type\":\"missing_references\"");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Kibana imported 0 objects and refused 1");
    }

    @Test
    void an_elasticsearch_error_stops_before_kibana() {
        answers.put(
                "/_index_template/pingzhi-incidents",
                new Answer(400, "{\"error\":\"bad template\"}"));

        int exit = run(Map.of(), "--kibana", base, "--elasticsearch", base);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "Elasticsearch answered HTTP 400 to PUT "
                                + base
                                + "/_index_template/pingzhi-incidents: {\"error\":\"bad"
                                + " template\"}");
        assertThat(requests).hasSize(1);
    }

    @Test
    void user_and_password_from_the_environment_and_ilm_on_request() {
        answers.put("/api/saved_objects/_import", new Answer(200, IMPORT_OK));

        int exit =
                run(
                        Map.of("OPS_PASSWORD", "s3cret"),
                        "--kibana",
                        base,
                        "--elasticsearch",
                        base,
                        "--ilm",
                        "--user",
                        "ops",
                        "--password-env",
                        "OPS_PASSWORD");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String basic =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(requests)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(basic));
        assertThat(requests.get(0).uri()).isEqualTo("/_ilm/policy/pingzhi-metrics");
        assertThat(requests.get(1).uri()).isEqualTo("/_component_template/pingzhi-metrics@custom");
        assertThat(requests.get(1).body()).contains("\"name\": \"pingzhi-metrics\"");
    }

    @Test
    void a_missing_secret_or_kibana_url_is_a_usage_error() {
        assertThat(run(Map.of(), "--kibana", base, "--user", "ops")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "--user needs the environment variable PINGZHI_KIBANA_PASSWORD, which is"
                                + " not set");
        assertThat(run(Map.of(), "--elasticsearch", base)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kibana URL is required");
        assertThat(requests).isEmpty();
    }

    @Test
    void every_template_file_is_installed() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS.resolve("elasticsearch"))) {
            assertThat(
                            files.map(file -> file.getFileName().toString())
                                    .filter(name -> name.endsWith(".json"))
                                    .map(
                                            name ->
                                                    name.substring(
                                                            0, name.length() - ".json".length())))
                    .containsExactlyInAnyOrderElementsOf(BundledFiles.INDEX_TEMPLATES);
        }
    }

    private int run(Map<String, String> environment, String... args) {
        return DashboardsCommand.run(
                args,
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
