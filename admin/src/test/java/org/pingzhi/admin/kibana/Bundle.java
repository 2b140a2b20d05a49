package org.pingzhi.admin.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pingzhi.common.json.Json;

/**
 * The committed NDJSON as Kibana reads it, parsed independently of the generator: saved objects,
 * dashboards' panels and every by-value Lens layer with the data view the dashboard gives it.
 */
final class Bundle {

    static final Path FOLDER =
            Path.of(System.getProperty("pingzhi.project.root", ".."), "dashboards", "kibana");

    /** A by-value Lens layer of a dashboard panel, its data view resolved via the dashboard. */
    record LensLayer(
            String dashboard, String panel, String layerId, String dataViewId, JsonNode layer) {

        Iterable<Map.Entry<String, JsonNode>> columns() {
            return layer.path("columns").properties();
        }

        String where() {
            return dashboard + " / " + panel + " / " + layerId;
        }
    }

    final List<JsonNode> objects;
    final Map<String, JsonNode> byTypeAndId;

    private Bundle(List<JsonNode> objects) {
        this.objects = objects;
        this.byTypeAndId =
                objects.stream()
                        .collect(
                                Collectors.toMap(
                                        o -> key(o.path("type").asText(), o.path("id").asText()),
                                        Function.identity()));
    }

    static Bundle committed() {
        try {
            String ndjson =
                    Files.readString(
                            FOLDER.resolve(SavedObjectBundle.FILE_NAME), StandardCharsets.UTF_8);
            List<JsonNode> objects = new ArrayList<>();
            for (String line : ndjson.split("\n")) {
                objects.add(parse(line));
            }
            return new Bundle(objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String key(String type, String id) {
        return type + "/" + id;
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("does not parse: " + json, e);
        }
    }

    List<JsonNode> ofType(String type) {
        return objects.stream().filter(o -> o.path("type").asText().equals(type)).toList();
    }

    JsonNode dataView(String id) {
        return byTypeAndId.get(key("index-pattern", id));
    }

    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        parse(dashboard.at("/attributes/panelsJSON").asText()).forEach(panels::add);
        return panels;
    }

    static Optional<String> reference(JsonNode savedObject, String name) {
        for (JsonNode reference : savedObject.path("references")) {
            if (reference.path("name").asText().equals(name)) {
                return Optional.of(reference.path("id").asText());
            }
        }
        return Optional.empty();
    }

    List<LensLayer> lensLayers() {
        List<LensLayer> layers = new ArrayList<>();
        for (JsonNode dashboard : ofType("dashboard")) {
            for (JsonNode panel : panels(dashboard)) {
                if (!panel.path("type").asText().equals("lens")) {
                    continue;
                }
                String panelIndex = panel.path("panelIndex").asText();
                JsonNode formBased =
                        panel.at("/embeddableConfig/attributes/state/datasourceStates/formBased");
                for (Map.Entry<String, JsonNode> layer : formBased.path("layers").properties()) {
                    String name = panelIndex + ":indexpattern-datasource-layer-" + layer.getKey();
                    layers.add(
                            new LensLayer(
                                    dashboard.path("id").asText(),
                                    panelIndex,
                                    layer.getKey(),
                                    reference(dashboard, name).orElse(null),
                                    layer.getValue()));
                }
            }
        }
        return layers;
    }
}
