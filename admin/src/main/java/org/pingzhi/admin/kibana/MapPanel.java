package org.pingzhi.admin.kibana;

import static org.pingzhi.admin.kibana.Trees.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A map saved object placed by reference: the Dashboards API of 9.4+ refuses map panels by value
 * (kibana-facts.md, section 5), a reference imports everywhere.
 */
final class MapPanel implements Panel {

    private final String panelIndex;
    private final Grid grid;
    private final String title;
    private final String mapId;

    MapPanel(String panelIndex, Grid grid, String title, String mapId) {
        this.panelIndex = panelIndex;
        this.grid = grid;
        this.title = title;
        this.mapId = mapId;
    }

    @Override
    public String panelIndex() {
        return panelIndex;
    }

    @Override
    public ObjectNode panelJson() {
        return object(
                "type",
                "map",
                "panelIndex",
                panelIndex,
                "gridData",
                LensPanel.gridJson(panelIndex, grid),
                "embeddableConfig",
                object("enhancements", object()),
                "panelRefName",
                refName(),
                "title",
                title);
    }

    @Override
    public List<ObjectNode> dashboardReferences() {
        return List.of(object("type", "map", "id", mapId, "name", panelIndex + ":" + refName()));
    }

    private String refName() {
        return "panel_" + panelIndex;
    }
}
