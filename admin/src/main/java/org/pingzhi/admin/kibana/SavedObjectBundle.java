package org.pingzhi.admin.kibana;

import static org.pingzhi.admin.kibana.Trees.array;
import static org.pingzhi.admin.kibana.Trees.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.json.Json;

/**
 * The saved objects Kibana imports ({@code POST /api/saved_objects/_import}): the data views, the
 * map and the four dashboards, one JSON object a line. Versions are the oldest whose shape is
 * emitted, within what Kibana 9.1–9.5 accepts (kibana-facts.md, section 1).
 */
public final class SavedObjectBundle {

    /** The file under {@code dashboards/kibana/} and the classpath resource {@code kibana/}. */
    public static final String FILE_NAME = "pingzhi-dashboards.ndjson";

    static final String CORE_MIGRATION_VERSION = "8.8.0";
    static final String INDEX_PATTERN_VERSION = "8.0.0";
    static final String MAP_VERSION = "8.4.0";
    static final String DASHBOARD_VERSION = "10.2.0";

    /** Pinghu's centre, and a zoom that shows its nine towns. */
    private static final double CENTRE_LAT = 30.70;

    private static final double CENTRE_LON = 121.08;
    private static final double ZOOM = 10.3;

    private SavedObjectBundle() {}

    /** The whole bundle as NDJSON, ending with a newline. */
    public static String ndjson() {
        StringBuilder out = new StringBuilder();
        for (ObjectNode savedObject : savedObjects()) {
            out.append(Json.toString(savedObject)).append('\n');
        }
        return out.toString();
    }

    static List<ObjectNode> savedObjects() {
        List<ObjectNode> objects = new ArrayList<>();
        for (DataView view : DataView.values()) {
            objects.add(dataView(view));
        }
        objects.add(openIncidentsMap());
        for (Dashboard dashboard : CommandCenterDashboards.all()) {
            objects.add(dashboard(dashboard));
        }
        return objects;
    }

    private static ObjectNode dataView(DataView view) {
        ObjectNode attributes = object("title", view.indexPattern(), "name", view.displayName());
        view.timeField().ifPresent(field -> attributes.put("timeFieldName", field));
        return savedObject("index-pattern", view.id(), attributes, array(), INDEX_PATTERN_VERSION);
    }

    /** Open incidents at their location, coloured by SLA state; no internet basemap layer. */
    private static ObjectNode openIncidentsMap() {
        ObjectNode fillColor =
                object(
                        "type",
                        "DYNAMIC",
                        "options",
                        object(
                                "field", object("name", "slaStatus", "origin", "source"),
                                "type", "CATEGORICAL",
                                "useCustomColorPalette", true,
                                "customColorPalette",
                                        array(
                                                object("stop", "", "color", Visualizations.GREY),
                                                object(
                                                        "stop",
                                                        "MET",
                                                        "color",
                                                        Visualizations.GREEN),
                                                object(
                                                        "stop",
                                                        "PENDING",
                                                        "color",
                                                        Visualizations.AMBER),
                                                object(
                                                        "stop",
                                                        "BREACHED",
                                                        "color",
                                                        Visualizations.RED)),
                                "fieldMetaOptions", object("isEnabled", false)));
        ObjectNode source =
                object(
                        "id", "open-incidents-source",
                        "type", "ES_SEARCH",
                        "geoField", "location",
                        "indexPatternRefName", "layer_0_source_index_pattern",
                        "scalingType", "LIMIT",
                        "filterByMapBounds", true,
                        "tooltipProperties",
                                array("town", "incidentId", "category", "status", "slaStatus"));
        ObjectNode layer =
                object(
                        "id",
                        "open-incidents",
                        "label",
                        "未结事件",
                        "type",
                        "GEOJSON_VECTOR",
                        "visible",
                        true,
                        "alpha",
                        1,
                        "minZoom",
                        0,
                        "maxZoom",
                        24,
                        "query",
                        LensColumns.kuery(CommandCenterDashboards.OPEN),
                        "sourceDescriptor",
                        source,
                        "style",
                        object("type", "VECTOR", "properties", object("fillColor", fillColor)));
        ObjectNode mapState =
                object(
                        "zoom", ZOOM,
                        "center", object("lon", CENTRE_LON, "lat", CENTRE_LAT),
                        "timeFilters", object("from", "now/d", "to", "now"),
                        "refreshConfig", object("isPaused", false, "interval", 10000),
                        "query", LensColumns.kuery(""),
                        "filters", array());
        ObjectNode attributes =
                object(
                        "title", "未结事件地图（按镇街）",
                        "description", "未结事件的位置，颜色为 SLA 状态；无需互联网底图。",
                        "layerListJSON", Json.toString(array(layer)),
                        "mapStateJSON", Json.toString(mapState),
                        "uiStateJSON",
                                Json.toString(
                                        object("isLayerTOCOpen", true, "openTOCDetails", array())));
        ArrayNode references =
                array(
                        object(
                                "name", "layer_0_source_index_pattern",
                                "type", "index-pattern",
                                "id", DataView.INCIDENTS_NOW.id()));
        return savedObject(
                "map",
                CommandCenterDashboards.OPEN_INCIDENTS_MAP,
                attributes,
                references,
                MAP_VERSION);
    }

    private static ObjectNode dashboard(Dashboard dashboard) {
        ArrayNode panels = array();
        ArrayNode references = array();
        for (Panel panel : dashboard.panels()) {
            panels.add(panel.panelJson());
            panel.dashboardReferences().forEach(references::add);
        }
        ObjectNode attributes =
                object(
                        "title", dashboard.title(),
                        "description", dashboard.description(),
                        "panelsJSON", Json.toString(panels),
                        "optionsJSON",
                                Json.toString(
                                        object(
                                                "useMargins", true,
                                                "syncColors", false,
                                                "syncCursor", true,
                                                "syncTooltips", false,
                                                "hidePanelTitles", false)),
                        "timeRestore", true,
                        "timeFrom", dashboard.timeFrom(),
                        "timeTo", dashboard.timeTo(),
                        "refreshInterval",
                                object("pause", false, "value", dashboard.refreshSeconds() * 1000),
                        "kibanaSavedObjectMeta",
                                object(
                                        "searchSourceJSON",
                                        Json.toString(
                                                object(
                                                        "query",
                                                        LensColumns.kuery(""),
                                                        "filter",
                                                        array()))));
        Dashboard.Control control = dashboard.control();
        if (control != null) {
            attributes.set("controlGroupInput", controlGroup(control));
            references.add(
                    object(
                            "name",
                            "controlGroup_" + control.id() + ":optionsListDataView",
                            "type",
                            "index-pattern",
                            "id",
                            control.view().id()));
        }
        return savedObject("dashboard", dashboard.id(), attributes, references, DASHBOARD_VERSION);
    }

    /** The legacy control-group shape: written up to 9.3, still read by 9.4+. */
    private static ObjectNode controlGroup(Dashboard.Control control) {
        ObjectNode explicitInput =
                object(
                        "id", control.id(),
                        "fieldName", control.field(),
                        "title", control.title(),
                        "singleSelect", true,
                        "selectedOptions", array());
        ObjectNode panels =
                object(
                        control.id(),
                        object(
                                "order",
                                0,
                                "width",
                                "medium",
                                "grow",
                                true,
                                "type",
                                "optionsListControl",
                                "explicitInput",
                                explicitInput));
        ObjectNode ignoreNothing =
                object(
                        "ignoreFilters", false,
                        "ignoreQuery", false,
                        "ignoreTimerange", false,
                        "ignoreValidations", false);
        return object(
                "controlStyle",
                "oneLine",
                "chainingSystem",
                "HIERARCHICAL",
                "panelsJSON",
                Json.toString(panels),
                "ignoreParentSettingsJSON",
                Json.toString(ignoreNothing));
    }

    private static ObjectNode savedObject(
            String type, String id, ObjectNode attributes, ArrayNode references, String version) {
        return object(
                "type", type,
                "id", id,
                "attributes", attributes,
                "references", references,
                "coreMigrationVersion", CORE_MIGRATION_VERSION,
                "typeMigrationVersion", version);
    }
}
