package org.pingzhi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingzhi.admin.install.Credentials;
import org.pingzhi.admin.install.ElasticsearchTemplates;
import org.pingzhi.admin.install.InstallException;
import org.pingzhi.admin.kibana.BundleFields;
import org.pingzhi.common.json.Json;
import org.pingzhi.devstack.ElasticsearchServer;
import org.pingzhi.devstack.FileTrees;

/**
 * Against the real Elasticsearch server: the templates install (twice) and every field a dashboard
 * reads has, in the mapping a new index gets, a type its operation works on.
 */
class DashboardFieldsTest {

    private static final Set<String> NUMERIC =
            Set.of(
                    "long",
                    "integer",
                    "short",
                    "byte",
                    "double",
                    "float",
                    "half_float",
                    "unsigned_long");

    /** A field name in KQL, followed by its operator. */
    private static final Pattern KQL_FIELD =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(:|<=|>=|<|>)");

    private static ElasticsearchServer server;
    private static URI url;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Map<String, String>> MAPPINGS = new HashMap<>();

    @BeforeAll
    static void installTemplatesAndCreateOneIndexPerDataView() throws Exception {
        String existing = System.getProperty("pingzhi.elasticsearch.url");
        if (existing != null && !existing.isBlank()) {
            url = URI.create(existing);
        } else {
            server =
                    ElasticsearchServer.builder(
                                    Path.of(System.getProperty("pingzhi.elasticsearch.zip")))
                            .runDir(Files.createTempDirectory("pingzhi-es-admin-"))
                            .start();
            url = URI.create(server.httpUrl());
        }
        ElasticsearchTemplates templates =
                new ElasticsearchTemplates(
                        url,
                        Credentials.none(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        templates.installIndexTemplates();
        templates.installIndexTemplates();
        for (String indexPattern : BundleFields.indexPatterns()) {
            String index = indexPattern.replace("*", "2026.11.28");
            send("DELETE", "/" + index + "?ignore_unavailable=true");
            send("PUT", "/" + index);
            MAPPINGS.put(
                    indexPattern,
                    flatten(
                            parse(send("GET", "/" + index + "/_mapping"))
                                    .path(index)
                                    .at("/mappings/properties")));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            FileTrees.deleteRecursively(server.runDir());
        }
    }

    @Test
    void every_lens_column_uses_a_field_of_a_type_its_operation_takes() {
        SoftAssertions softly = new SoftAssertions();
        List<BundleFields.FieldUse> uses = BundleFields.uses();
        assertThat(uses).hasSizeGreaterThan(50);
        for (BundleFields.FieldUse use : uses) {
            Map<String, String> mapping = MAPPINGS.get(use.indexPattern());
            String type = mapping.get(use.field());
            softly.assertThat(type)
                    .as("%s: %s not in %s", use.where(), use.field(), use.indexPattern())
                    .isNotNull();
            if (type != null) {
                softly.assertThat(takes(use.use(), type))
                        .as("%s: %s on %s (%s)", use.where(), use.use(), use.field(), type)
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void every_field_named_in_a_query_exists_in_its_index() {
        SoftAssertions softly = new SoftAssertions();
        for (BundleFields.Query query : BundleFields.queries()) {
            Matcher fields = KQL_FIELD.matcher(query.kql());
            while (fields.find()) {
                softly.assertThat(MAPPINGS.get(query.indexPattern()))
                        .as("%s: %s", query.where(), query.kql())
                        .containsKey(fields.group(1));
            }
        }
        softly.assertAll();
    }

    @Test
    void new_indices_map_rule_versions_deliveries_acks_and_rule_escalations() {
        Map<String, String> rules = MAPPINGS.get("pingzhi-rules");
        assertThat(rules)
                .containsEntry("ruleId", "keyword")
                .containsEntry("version", "keyword")
                .containsEntry("inForceFrom", "date")
                .containsEntry("replacedAt", "date")
                .containsEntry("rule", "object");
        assertThat(MAPPINGS.get("pingzhi-notifications"))
                .containsEntry("alertId", "keyword")
                .containsEntry("attemptedAt", "date")
                .containsEntry("outcome", "keyword")
                .containsEntry("attempt", "integer")
                .containsEntry("channel", "keyword");
        assertThat(MAPPINGS.get("pingzhi-acks"))
                .containsEntry("alertId", "keyword")
                .containsEntry("who", "keyword")
                .containsEntry("at", "date");
        assertThat(MAPPINGS.get("pingzhi-incidents"))
                .containsEntry("escalationRules", "keyword")
                .containsEntry("ruleLevel", "keyword");
        assertThat(MAPPINGS.get("pingzhi-alerts"))
                .containsEntry("ruleVersion", "keyword")
                .containsEntry("resolvedAt", "date");
    }

    /**
     * Whether Lens's {@code use} (an operation, or a map/control/time-field role) takes {@code
     * type}.
     */
    private static boolean takes(String use, String type) {
        return switch (use) {
            case "terms", "control" -> type.equals("keyword");
            case "date_histogram", "timeField", "sortField" -> type.equals("date");
            case "sum", "average", "median", "percentile" -> NUMERIC.contains(type);
            case "min", "max" -> NUMERIC.contains(type) || type.equals("date");
            case "last_value", "tooltip" -> !type.equals("text") && !type.equals("object");
            case "count" -> true;
            case "geoField" -> type.equals("geo_point");
            default -> false;
        };
    }

    private static Map<String, String> flatten(JsonNode properties) {
        Map<String, String> types = new HashMap<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode mapping = property.getValue();
            types.put(property.getKey(), mapping.path("type").asText("object"));
            for (Map.Entry<String, JsonNode> sub : mapping.path("fields").properties()) {
                types.put(
                        property.getKey() + "." + sub.getKey(),
                        sub.getValue().path("type").asText());
            }
            flatten(mapping.path("properties"))
                    .forEach((name, type) -> types.put(property.getKey() + "." + name, type));
        }
        return types;
    }

    private static JsonNode parse(String json) throws IOException {
        return Json.mapper().readTree(json);
    }

    private static String send(String method, String path)
            throws IOException, InterruptedException, InstallException {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(url.resolve(path))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new InstallException(
                    method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
