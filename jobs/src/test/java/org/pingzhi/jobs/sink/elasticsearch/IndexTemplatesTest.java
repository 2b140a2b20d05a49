package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DocumentKind;

/** The shipped templates map every contract field explicitly (contract README, "Outputs"). */
class IndexTemplatesTest {

    private static final String KEYWORD = "keyword";
    private static final String DATE = "date";
    private static final String LONG = "long";
    private static final String DOUBLE = "double";
    private static final String TEXT = "text";

    private static final Map<DocumentKind, Map<String, String>> CONTRACT_FIELDS =
            Map.of(
                    DocumentKind.INCIDENT,
                    Map.ofEntries(
                            Map.entry("incidentId", KEYWORD),
                            Map.entry("sources", KEYWORD),
                            Map.entry("alarmId", KEYWORD),
                            Map.entry("orderId", KEYWORD),
                            Map.entry("category", KEYWORD),
                            Map.entry("rawCategory", KEYWORD),
                            Map.entry("priority", KEYWORD),
                            Map.entry("townCode", KEYWORD),
                            Map.entry("town", KEYWORD),
                            Map.entry("village", KEYWORD),
                            Map.entry("location", "geo_point"),
                            Map.entry("status", KEYWORD),
                            Map.entry("reportedAt", DATE),
                            Map.entry("dispatchedAt", DATE),
                            Map.entry("acceptedAt", DATE),
                            Map.entry("onSceneAt", DATE),
                            Map.entry("resolvedAt", DATE),
                            Map.entry("closedAt", DATE),
                            Map.entry("slaTargetSeconds", LONG),
                            Map.entry("slaDeadline", DATE),
                            Map.entry("slaStatus", KEYWORD),
                            Map.entry("responseSeconds", DOUBLE),
                            Map.entry("escalationLevel", KEYWORD),
                            Map.entry("callerKey", KEYWORD),
                            Map.entry("summary", TEXT),
                            Map.entry("updatedAt", DATE)),
                    DocumentKind.SLA_EVENT,
                    Map.of(
                            "incidentId", KEYWORD,
                            "type", KEYWORD,
                            "level", KEYWORD,
                            "at", DATE,
                            "townCode", KEYWORD,
                            "category", KEYWORD,
                            "sources", KEYWORD,
                            "targetSeconds", LONG,
                            "elapsedSeconds", DOUBLE),
                    DocumentKind.ALERT,
                    Map.ofEntries(
                            Map.entry("alertId", KEYWORD),
                            Map.entry("kind", KEYWORD),
                            Map.entry("ruleId", KEYWORD),
                            Map.entry("severity", KEYWORD),
                            Map.entry("level", KEYWORD),
                            Map.entry("townCode", KEYWORD),
                            Map.entry("category", KEYWORD),
                            Map.entry("title", TEXT),
                            Map.entry("message", TEXT),
                            Map.entry("incidentIds", KEYWORD),
                            Map.entry("windowStart", DATE),
                            Map.entry("windowEnd", DATE),
                            Map.entry("count", LONG),
                            Map.entry("firedAt", DATE),
                            Map.entry("status", KEYWORD)),
                    DocumentKind.METRIC,
                    Map.ofEntries(
                            Map.entry("ts", DATE),
                            Map.entry("townCode", KEYWORD),
                            Map.entry("town", KEYWORD),
                            Map.entry("source", KEYWORD),
                            Map.entry("category", KEYWORD),
                            Map.entry("reported", LONG),
                            Map.entry("responded", LONG),
                            Map.entry("slaMet", LONG),
                            Map.entry("slaBreached", LONG),
                            Map.entry("responseSecondsSum", DOUBLE),
                            Map.entry("responseSecondsMax", DOUBLE),
                            Map.entry("open", LONG)),
                    DocumentKind.DEAD_LETTER,
                    Map.of(
                            "reason", KEYWORD,
                            "message", TEXT,
                            "topic", KEYWORD,
                            "partition", "integer",
                            "offset", LONG,
                            "value", TEXT,
                            "valueBase64", "binary"),
                    DocumentKind.RULE,
                    Map.of(
                            "ruleId", KEYWORD,
                            "version", KEYWORD,
                            "kind", KEYWORD,
                            "enabled", "boolean",
                            "severity", KEYWORD,
                            "level", KEYWORD,
                            "inForceFrom", DATE,
                            "replacedAt", DATE,
                            "replacedBy", KEYWORD));

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void every_contract_field_is_mapped_with_its_type(DocumentKind kind) throws IOException {
        JsonNode properties = template(kind).at("/template/mappings/properties");

        CONTRACT_FIELDS
                .get(kind)
                .forEach(
                        (field, type) ->
                                assertThat(properties.at("/" + field + "/type").asText())
                                        .as("%s.%s", kind, field)
                                        .isEqualTo(type));
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void times_accept_iso_and_epoch_millis_and_texts_have_a_keyword(DocumentKind kind)
            throws IOException {
        template(kind)
                .at("/template/mappings/properties")
                .properties()
                .forEach(
                        field -> {
                            JsonNode mapping = field.getValue();
                            if (DATE.equals(mapping.path("type").asText())) {
                                assertThat(mapping.path("format").asText())
                                        .isEqualTo("strict_date_optional_time||epoch_millis");
                            }
                            if (TEXT.equals(mapping.path("type").asText())
                                    && !field.getKey().equals("value")) {
                                assertThat(mapping.at("/fields/keyword/type").asText())
                                        .isEqualTo(KEYWORD);
                            }
                        });
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void settings_suit_the_single_node_server_and_new_fields_do_not_break_writes(DocumentKind kind)
            throws IOException {
        JsonNode template = template(kind);

        assertThat(template.at("/template/settings/index/number_of_shards").asInt()).isEqualTo(1);
        assertThat(template.at("/template/settings/index/number_of_replicas").asInt()).isZero();
        assertThat(template.at("/template/settings/index/refresh_interval").asText())
                .isEqualTo("1s");
        assertThat(template.at("/template/mappings/dynamic").asBoolean()).isTrue();
        assertThat(template.path("priority").asInt()).isGreaterThan(100);
        assertThat(template.path("index_patterns").get(0).asText())
                .isEqualTo(IndexNames.pattern("pingzhi-", kind));
    }

    private static JsonNode template(DocumentKind kind) throws IOException {
        return Json.mapper().readTree(IndexTemplateInstaller.templateJson(kind));
    }
}
