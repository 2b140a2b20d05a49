package org.pingzhi.admin.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The committed NDJSON is what Kibana 9.5 imports and renders (kibana-facts.md, "Offline
 * validators"): checked line by line, as parsed JSON, not through the generator's classes.
 */
class SavedObjectBundleTest {

    /** The newest version of each type that Kibana 9.1–9.5 accepts on import (facts, section 1). */
    private static final Map<String, String> CEILINGS =
            Map.of(
                    "index-pattern", "8.0.0",
                    "visualization", "8.5.0",
                    "lens", "10.1.0",
                    "dashboard", "10.3.0",
                    "map", "8.4.0");

    /** Attributes Kibana stores as JSON text, by path below {@code attributes}. */
    private static final List<String> JSON_STRINGS =
            List.of(
                    "/panelsJSON",
                    "/optionsJSON",
                    "/kibanaSavedObjectMeta/searchSourceJSON",
                    "/visState",
                    "/uiStateJSON",
                    "/layerListJSON",
                    "/mapStateJSON",
                    "/controlGroupInput/panelsJSON",
                    "/controlGroupInput/ignoreParentSettingsJSON");

    private final Bundle bundle = Bundle.committed();
    private final SoftAssertions softly = new SoftAssertions();

    @Test
    void every_line_is_a_saved_object_of_a_known_type_within_the_version_ceilings() {
        Set<String> keys = new HashSet<>();
        for (JsonNode object : bundle.objects) {
            String type = object.path("type").asText();
            String where = Bundle.key(type, object.path("id").asText());
            softly.assertThat(keys.add(where)).as("unique %s", where).isTrue();
            softly.assertThat(object.path("id").asText()).as(where).isNotBlank();
            softly.assertThat(object.at("/attributes/title").isTextual()).as(where).isTrue();
            softly.assertThat(object.path("references").isArray()).as(where).isTrue();
            softly.assertThat(CEILINGS).as("type of %s", where).containsKey(type);
            softly.assertThat(object.path("coreMigrationVersion").asText())
                    .as(where)
                    .isEqualTo("8.8.0");
            String version = object.path("typeMigrationVersion").asText();
            softly.assertThat(version).as(where).matches("\\d+\\.\\d+\\.\\d+");
            if (CEILINGS.containsKey(type) && version.matches("\\d+\\.\\d+\\.\\d+")) {
                softly.assertThat(compareVersions(version, CEILINGS.get(type)))
                        .as(
                                "%s typeMigrationVersion %s above %s",
                                where, version, CEILINGS.get(type))
                        .isLessThanOrEqualTo(0);
            }
        }
        softly.assertThat(bundle.ofType("dashboard")).hasSize(4);
        softly.assertAll();
    }

    @Test
    void json_attributes_are_strings_that_parse() {
        for (JsonNode object : bundle.objects) {
            for (String path : JSON_STRINGS) {
                JsonNode value = object.path("attributes").at(path);
                if (!value.isMissingNode()) {
                    softly.assertThat(value.isTextual())
                            .as("%s %s is a string", object.path("id").asText(), path)
                            .isTrue();
                    Bundle.parse(value.asText());
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void every_reference_resolves_inside_the_bundle() {
        for (JsonNode object : bundle.objects) {
            for (JsonNode reference : object.path("references")) {
                String target =
                        Bundle.key(reference.path("type").asText(), reference.path("id").asText());
                softly.assertThat(bundle.byTypeAndId.keySet())
                        .as("%s -> %s", object.path("id").asText(), reference.path("name").asText())
                        .contains(target);
            }
        }
        softly.assertAll();
    }

    @Test
    void dashboards_restore_a_time_range_and_refresh_every_10_to_30_seconds() {
        for (JsonNode dashboard : bundle.ofType("dashboard")) {
            JsonNode attributes = dashboard.path("attributes");
            String id = dashboard.path("id").asText();
            softly.assertThat(attributes.path("timeRestore").isBoolean()).as(id).isTrue();
            softly.assertThat(attributes.path("timeRestore").asBoolean()).as(id).isTrue();
            softly.assertThat(attributes.path("timeFrom").asText()).as(id).startsWith("now");
            softly.assertThat(attributes.path("timeTo").asText()).as(id).isEqualTo("now");
            softly.assertThat(attributes.at("/refreshInterval/pause").isBoolean()).as(id).isTrue();
            softly.assertThat(attributes.at("/refreshInterval/pause").asBoolean()).as(id).isFalse();
            softly.assertThat(attributes.at("/refreshInterval/value").isNumber()).as(id).isTrue();
            softly.assertThat(attributes.at("/refreshInterval/value").asLong())
                    .as(id)
                    .isBetween(10_000L, 30_000L);
            softly.assertThat(attributes.path("description").isTextual()).as(id).isTrue();
        }
        softly.assertAll();
    }

    @Test
    void panels_fit_48_columns_without_overlap_and_grid_ids_are_panel_indices() {
        for (JsonNode dashboard : bundle.ofType("dashboard")) {
            Set<String> indices = new HashSet<>();
            Set<String> cells = new HashSet<>();
            for (JsonNode panel : Bundle.panels(dashboard)) {
                String index = panel.path("panelIndex").asText();
                JsonNode grid = panel.path("gridData");
                String where = dashboard.path("id").asText() + " / " + index;
                softly.assertThat(indices.add(index)).as("unique %s", where).isTrue();
                softly.assertThat(grid.path("i").asText()).as(where).isEqualTo(index);
                int x = grid.path("x").asInt(-1);
                int y = grid.path("y").asInt(-1);
                int w = grid.path("w").asInt(0);
                int h = grid.path("h").asInt(0);
                softly.assertThat(x).as(where).isNotNegative();
                softly.assertThat(y).as(where).isNotNegative();
                softly.assertThat(w).as(where).isPositive();
                softly.assertThat(h).as(where).isPositive();
                softly.assertThat(x + w).as(where).isLessThanOrEqualTo(48);
                List<String> overlapping = new ArrayList<>();
                for (int column = x; column < x + w; column++) {
                    for (int row = y; row < y + h; row++) {
                        if (!cells.add(column + "," + row)) {
                            overlapping.add(column + "," + row);
                        }
                    }
                }
                softly.assertThat(overlapping).as("%s overlaps another panel", where).isEmpty();
            }
        }
        softly.assertAll();
    }

    @Test
    void every_lens_layer_has_its_own_and_the_dashboards_prefixed_reference_to_one_data_view() {
        for (JsonNode dashboard : bundle.ofType("dashboard")) {
            for (JsonNode panel : Bundle.panels(dashboard)) {
                String index = panel.path("panelIndex").asText();
                String where = dashboard.path("id").asText() + " / " + index;
                if (panel.path("type").asText().equals("map")) {
                    String refName = panel.path("panelRefName").asText();
                    softly.assertThat(refName).as(where).isNotBlank();
                    softly.assertThat(Bundle.reference(dashboard, index + ":" + refName))
                            .as(where)
                            .isPresent();
                    continue;
                }
                softly.assertThat(panel.path("type").asText()).as(where).isEqualTo("lens");
                JsonNode attributes = panel.at("/embeddableConfig/attributes");
                softly.assertThat(attributes.path("title").isTextual()).as(where).isTrue();
                JsonNode layers = attributes.at("/state/datasourceStates/formBased/layers");
                softly.assertThat(layers.size()).as(where).isPositive();
                for (Map.Entry<String, JsonNode> layer : layers.properties()) {
                    String name = "indexpattern-datasource-layer-" + layer.getKey();
                    String own = null;
                    for (JsonNode reference : attributes.path("references")) {
                        if (reference.path("name").asText().equals(name)) {
                            own = reference.path("id").asText();
                        }
                    }
                    softly.assertThat(own).as("%s own reference %s", where, name).isNotNull();
                    softly.assertThat(Bundle.reference(dashboard, index + ":" + name))
                            .as("%s dashboard reference %s", where, name)
                            .contains(own == null ? "(none)" : own);
                }
            }
            Set<String> owners = new HashSet<>();
            Bundle.panels(dashboard)
                    .forEach(panel -> owners.add(panel.path("panelIndex").asText()));
            for (JsonNode reference : dashboard.path("references")) {
                String owner = reference.path("name").asText().split(":")[0];
                softly.assertThat(owner.startsWith("controlGroup_") || owners.contains(owner))
                        .as(
                                "%s reference %s belongs to a panel or a control",
                                dashboard.path("id").asText(), reference.path("name").asText())
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void lens_column_order_is_the_columns_and_every_accessor_exists() {
        for (JsonNode dashboard : bundle.ofType("dashboard")) {
            for (JsonNode panel : Bundle.panels(dashboard)) {
                if (!panel.path("type").asText().equals("lens")) {
                    continue;
                }
                String where =
                        dashboard.path("id").asText() + " / " + panel.path("panelIndex").asText();
                JsonNode state = panel.at("/embeddableConfig/attributes/state");
                JsonNode layers = state.at("/datasourceStates/formBased/layers");
                Set<String> allColumns = new HashSet<>();
                for (Map.Entry<String, JsonNode> layer : layers.properties()) {
                    checkLayer(where + " / " + layer.getKey(), layer.getValue());
                    layer.getValue().path("columns").fieldNames().forEachRemaining(allColumns::add);
                }
                for (String accessor : accessors(state.path("visualization"))) {
                    softly.assertThat(allColumns).as("%s accessor", where).contains(accessor);
                }
                for (String layerId : visualizationLayers(state.path("visualization"))) {
                    softly.assertThat(layers.has(layerId))
                            .as("%s layer %s", where, layerId)
                            .isTrue();
                }
            }
        }
        softly.assertAll();
    }

    private void checkLayer(String where, JsonNode layer) {
        List<String> order = new ArrayList<>();
        layer.path("columnOrder").forEach(id -> order.add(id.asText()));
        Set<String> keys = new LinkedHashSet<>();
        layer.path("columns").fieldNames().forEachRemaining(keys::add);
        softly.assertThat(order)
                .as("%s columnOrder", where)
                .containsExactlyInAnyOrderElementsOf(keys);
        softly.assertThat(new HashSet<>(order))
                .as("%s columnOrder unique", where)
                .hasSize(order.size());
        boolean metricSeen = false;
        for (String id : order) {
            JsonNode column = layer.path("columns").path(id);
            boolean bucketed = column.path("isBucketed").asBoolean();
            softly.assertThat(bucketed && metricSeen)
                    .as("%s: bucket %s after a metric", where, id)
                    .isFalse();
            metricSeen |= !bucketed;
            softly.assertThat(column.path("operationType").asText()).as(where).isNotBlank();
            softly.assertThat(column.path("label").isTextual()).as(where).isTrue();
            JsonNode orderBy = column.at("/params/orderBy");
            if (orderBy.path("type").asText().equals("column")) {
                softly.assertThat(keys)
                        .as("%s %s orderBy", where, id)
                        .contains(orderBy.path("columnId").asText());
            }
            for (JsonNode reference : column.path("references")) {
                softly.assertThat(keys)
                        .as("%s %s references", where, id)
                        .contains(reference.asText());
            }
            mathArguments(column.at("/params/tinymathAst"))
                    .forEach(
                            argument ->
                                    softly.assertThat(keys)
                                            .as("%s %s math", where, id)
                                            .contains(argument));
        }
    }

    /** The column ids a math column's syntax tree uses. */
    private static List<String> mathArguments(JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node.isTextual()) {
            ids.add(node.asText());
        }
        node.path("args").forEach(argument -> ids.addAll(mathArguments(argument)));
        return ids;
    }

    /** Every column a visualization shows, whatever its type. */
    private static List<String> accessors(JsonNode visualization) {
        List<String> ids = new ArrayList<>();
        for (String field :
                List.of(
                        "metricAccessor",
                        "secondaryMetricAccessor",
                        "maxAccessor",
                        "breakdownByAccessor")) {
            if (visualization.hasNonNull(field)) {
                ids.add(visualization.path(field).asText());
            }
        }
        visualization.path("columns").forEach(column -> ids.add(column.path("columnId").asText()));
        if (visualization.has("sorting")) {
            ids.add(visualization.at("/sorting/columnId").asText());
        }
        for (JsonNode layer : visualization.path("layers")) {
            if (layer.hasNonNull("xAccessor")) {
                ids.add(layer.path("xAccessor").asText());
            }
            if (layer.hasNonNull("splitAccessor")) {
                ids.add(layer.path("splitAccessor").asText());
            }
            layer.path("accessors").forEach(accessor -> ids.add(accessor.asText()));
            layer.path("yConfig").forEach(config -> ids.add(config.path("forAccessor").asText()));
        }
        return ids;
    }

    private static List<String> visualizationLayers(JsonNode visualization) {
        List<String> ids = new ArrayList<>();
        if (visualization.has("layerId")) {
            ids.add(visualization.path("layerId").asText());
        }
        visualization.path("layers").forEach(layer -> ids.add(layer.path("layerId").asText()));
        return ids;
    }

    @Test
    void controls_and_map_layers_name_their_data_view() {
        for (JsonNode dashboard : bundle.ofType("dashboard")) {
            JsonNode controls = dashboard.at("/attributes/controlGroupInput/panelsJSON");
            if (controls.isMissingNode()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> control :
                    Bundle.parse(controls.asText()).properties()) {
                softly.assertThat(control.getValue().path("type").asText())
                        .isEqualTo("optionsListControl");
                softly.assertThat(control.getValue().at("/explicitInput/fieldName").asText())
                        .isNotBlank();
                softly.assertThat(
                                Bundle.reference(
                                        dashboard,
                                        "controlGroup_"
                                                + control.getKey()
                                                + ":optionsListDataView"))
                        .as("control %s", control.getKey())
                        .isPresent();
            }
        }
        for (JsonNode map : bundle.ofType("map")) {
            JsonNode layers = Bundle.parse(map.at("/attributes/layerListJSON").asText());
            for (JsonNode layer : layers) {
                softly.assertThat(layer.path("type").asText())
                        .as("no internet basemap")
                        .isNotEqualTo("EMS_VECTOR_TILE");
                String refName = layer.at("/sourceDescriptor/indexPatternRefName").asText();
                softly.assertThat(Bundle.reference(map, refName)).as(refName).isPresent();
            }
        }
        softly.assertAll();
    }

    @Test
    void version_comparison_is_numeric() {
        assertThat(compareVersions("10.2.0", "8.9.0")).isPositive();
        assertThat(compareVersions("8.4.0", "8.4.0")).isZero();
        assertThat(compareVersions("8.10.0", "8.9.0")).isPositive();
    }

    private static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < 3; i++) {
            int difference = Integer.parseInt(a[i]) - Integer.parseInt(b[i]);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }
}
