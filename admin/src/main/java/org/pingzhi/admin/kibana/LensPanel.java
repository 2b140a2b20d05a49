package org.pingzhi.admin.kibana;

import static org.pingzhi.admin.kibana.Trees.array;
import static org.pingzhi.admin.kibana.Trees.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Lens visualization stored by value in the dashboard (no separate lens object): its layers name
 * their data view in the Lens attributes' references and again, prefixed with the panel index, in
 * the dashboard's references (kibana-facts.md, section 2).
 */
final class LensPanel implements Panel {

    private static final String LAYER_REFERENCE = "indexpattern-datasource-layer-";

    /** One form-based layer: a data view and its columns, bucket columns first. */
    record Layer(String id, DataView view, Map<String, ObjectNode> columns) {

        static Layer of(String id, DataView view, List<Map<String, ObjectNode>> columns) {
            Map<String, ObjectNode> all = new LinkedHashMap<>();
            columns.forEach(all::putAll);
            return new Layer(id, view, all);
        }

        ObjectNode datasourceJson() {
            ObjectNode columnsJson = object();
            columns.forEach(columnsJson::set);
            return object(
                    "columnOrder",
                    array(columns.keySet().toArray()),
                    "columns",
                    columnsJson,
                    "incompleteColumns",
                    object(),
                    "sampling",
                    1);
        }
    }

    private final String panelIndex;
    private final Grid grid;
    private final String title;
    private final String visualizationType;
    private final ObjectNode visualization;
    private final String kql;
    private final List<Layer> layers;

    LensPanel(
            String panelIndex,
            Grid grid,
            String title,
            String visualizationType,
            ObjectNode visualization,
            String kql,
            List<Layer> layers) {
        this.panelIndex = panelIndex;
        this.grid = grid;
        this.title = title;
        this.visualizationType = visualizationType;
        this.visualization = visualization;
        this.kql = kql;
        this.layers = List.copyOf(layers);
    }

    @Override
    public String panelIndex() {
        return panelIndex;
    }

    @Override
    public ObjectNode panelJson() {
        ObjectNode layersJson = object();
        ArrayNode references = array();
        for (Layer layer : layers) {
            layersJson.set(layer.id(), layer.datasourceJson());
            references.add(reference(LAYER_REFERENCE + layer.id(), layer.view()));
        }
        ObjectNode state =
                object(
                        "visualization", visualization,
                        "query", LensColumns.kuery(kql),
                        "filters", array(),
                        "datasourceStates", object("formBased", object("layers", layersJson)),
                        "internalReferences", array(),
                        "adHocDataViews", object());
        ObjectNode attributes =
                object(
                        "title", title,
                        "visualizationType", visualizationType,
                        "type", "lens",
                        "references", references,
                        "state", state);
        return object(
                "type",
                "lens",
                "panelIndex",
                panelIndex,
                "gridData",
                gridJson(panelIndex, grid),
                "embeddableConfig",
                object("attributes", attributes, "enhancements", object()),
                "title",
                title);
    }

    @Override
    public List<ObjectNode> dashboardReferences() {
        List<ObjectNode> references = new ArrayList<>();
        for (Layer layer : layers) {
            references.add(
                    reference(panelIndex + ":" + LAYER_REFERENCE + layer.id(), layer.view()));
        }
        return references;
    }

    static ObjectNode gridJson(String panelIndex, Grid grid) {
        return object("x", grid.x(), "y", grid.y(), "w", grid.w(), "h", grid.h(), "i", panelIndex);
    }

    private static ObjectNode reference(String name, DataView view) {
        return object("type", "index-pattern", "id", view.id(), "name", name);
    }
}
