package org.pingzhi.admin.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every field the committed bundle reads, with the index it reads it from and what for. */
public final class BundleFields {

    /** {@code use}: a Lens operation, or timeField, sortField, geoField, tooltip, control. */
    public record FieldUse(String where, String indexPattern, String field, String use) {}

    public record Query(String where, String indexPattern, String kql) {}

    private static final Bundle BUNDLE = Bundle.committed();

    private BundleFields() {}

    public static List<String> indexPatterns() {
        return BUNDLE.ofType("index-pattern").stream()
                .map(view -> view.at("/attributes/title").asText())
                .distinct()
                .toList();
    }

    public static List<FieldUse> uses() {
        List<FieldUse> uses = new ArrayList<>();
        for (JsonNode view : BUNDLE.ofType("index-pattern")) {
            JsonNode timeField = view.at("/attributes/timeFieldName");
            if (timeField.isTextual()) {
                uses.add(
                        new FieldUse(
                                view.path("id").asText(),
                                title(view),
                                timeField.asText(),
                                "timeField"));
            }
        }
        for (Bundle.LensLayer layer : BUNDLE.lensLayers()) {
            String indexPattern = title(BUNDLE.dataView(layer.dataViewId()));
            for (Map.Entry<String, JsonNode> column : layer.columns()) {
                JsonNode definition = column.getValue();
                String where = layer.where() + " / " + column.getKey();
                String field = definition.path("sourceField").asText("");
                if (!field.isEmpty() && !field.equals(LensColumns.RECORDS)) {
                    uses.add(
                            new FieldUse(
                                    where,
                                    indexPattern,
                                    field,
                                    definition.path("operationType").asText()));
                }
                JsonNode sortField = definition.at("/params/sortField");
                if (sortField.isTextual()) {
                    uses.add(new FieldUse(where, indexPattern, sortField.asText(), "sortField"));
                }
            }
        }
        for (JsonNode map : BUNDLE.ofType("map")) {
            for (JsonNode layer : Bundle.parse(map.at("/attributes/layerListJSON").asText())) {
                JsonNode source = layer.path("sourceDescriptor");
                String indexPattern = mapLayerIndex(map, source);
                String where = map.path("id").asText() + " / " + layer.path("id").asText();
                uses.add(
                        new FieldUse(
                                where, indexPattern, source.path("geoField").asText(), "geoField"));
                source.path("tooltipProperties")
                        .forEach(
                                field ->
                                        uses.add(
                                                new FieldUse(
                                                        where,
                                                        indexPattern,
                                                        field.asText(),
                                                        "tooltip")));
            }
        }
        for (JsonNode dashboard : BUNDLE.ofType("dashboard")) {
            JsonNode controls = dashboard.at("/attributes/controlGroupInput/panelsJSON");
            if (controls.isMissingNode()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> control :
                    Bundle.parse(controls.asText()).properties()) {
                String viewId =
                        Bundle.reference(
                                        dashboard,
                                        "controlGroup_" + control.getKey() + ":optionsListDataView")
                                .orElseThrow();
                uses.add(
                        new FieldUse(
                                dashboard.path("id").asText() + " / " + control.getKey(),
                                title(BUNDLE.dataView(viewId)),
                                control.getValue().at("/explicitInput/fieldName").asText(),
                                "control"));
            }
        }
        return uses;
    }

    public static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode dashboard : BUNDLE.ofType("dashboard")) {
            for (JsonNode panel : Bundle.panels(dashboard)) {
                JsonNode state = panel.at("/embeddableConfig/attributes/state");
                if (state.isMissingNode()) {
                    continue;
                }
                String panelIndex = panel.path("panelIndex").asText();
                for (Map.Entry<String, JsonNode> layer :
                        state.at("/datasourceStates/formBased/layers").properties()) {
                    String viewId =
                            Bundle.reference(
                                            dashboard,
                                            panelIndex
                                                    + ":indexpattern-datasource-layer-"
                                                    + layer.getKey())
                                    .orElseThrow();
                    String indexPattern = title(BUNDLE.dataView(viewId));
                    String where = dashboard.path("id").asText() + " / " + panelIndex;
                    queries.add(new Query(where, indexPattern, state.at("/query/query").asText()));
                    for (JsonNode column : layer.getValue().path("columns")) {
                        if (column.has("filter")) {
                            queries.add(
                                    new Query(
                                            where,
                                            indexPattern,
                                            column.at("/filter/query").asText()));
                        }
                    }
                }
            }
        }
        for (JsonNode map : BUNDLE.ofType("map")) {
            for (JsonNode layer : Bundle.parse(map.at("/attributes/layerListJSON").asText())) {
                queries.add(
                        new Query(
                                map.path("id").asText(),
                                mapLayerIndex(map, layer.path("sourceDescriptor")),
                                layer.at("/query/query").asText()));
            }
        }
        return queries;
    }

    private static String mapLayerIndex(JsonNode map, JsonNode source) {
        String viewId =
                Bundle.reference(map, source.path("indexPatternRefName").asText()).orElseThrow();
        return title(BUNDLE.dataView(viewId));
    }

    private static String title(JsonNode view) {
        return view.at("/attributes/title").asText();
    }
}
