package org.pingzhi.admin.kibana;

import static org.pingzhi.admin.kibana.Trees.array;
import static org.pingzhi.admin.kibana.Trees.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Lens charts the dashboards use: metric tiles, bar and line charts, tables. */
final class Visualizations {

    static final String GREEN = "#54B399";
    static final String AMBER = "#D6BF57";
    static final String RED = "#CC5642";
    static final String GREY = "#98A2B3";

    private Visualizations() {}

    /** One figure in a tile of a fixed colour ({@code null}: Kibana's default). */
    static LensPanel metric(
            String panelIndex,
            Grid grid,
            String title,
            DataView view,
            String kql,
            Map<String, ObjectNode> figure,
            String color,
            String subtitle) {
        ObjectNode visualization = metricState(panelIndex, figure);
        if (color != null) {
            visualization.put("color", color);
        }
        visualization.put("subtitle", subtitle);
        return lens(
                panelIndex, grid, title, "lnsMetric", visualization, kql, view, List.of(figure));
    }

    /**
     * A share (0..1) in a tile coloured by the SLA bands: red below 80 %, amber, green from 95 %.
     */
    static LensPanel shareMetric(
            String panelIndex,
            Grid grid,
            String title,
            DataView view,
            String kql,
            Map<String, ObjectNode> share,
            String subtitle) {
        ObjectNode visualization = metricState(panelIndex, share);
        visualization.set("palette", complianceBands());
        visualization.put("subtitle", subtitle);
        return lens(panelIndex, grid, title, "lnsMetric", visualization, kql, view, List.of(share));
    }

    /**
     * A chart over {@code x} of the metrics, split into series by {@code split} ({@code null}:
     * none), with an optional horizontal target line.
     */
    static LensPanel xy(
            String panelIndex,
            Grid grid,
            String title,
            String seriesType,
            DataView view,
            String kql,
            Map<String, ObjectNode> x,
            List<Map<String, ObjectNode>> metrics,
            Map<String, ObjectNode> split,
            Double targetLine) {
        String layerId = panelIndex + "-layer";
        List<Map<String, ObjectNode>> columns = new ArrayList<>();
        columns.add(x);
        if (split != null) {
            columns.add(split);
        }
        columns.addAll(metrics);
        ArrayNode accessors = array(metrics.stream().map(Visualizations::visibleId).toArray());
        ObjectNode dataLayer =
                object(
                        "layerId", layerId,
                        "layerType", "data",
                        "seriesType", seriesType,
                        "xAccessor", visibleId(x),
                        "accessors", accessors);
        if (split != null) {
            dataLayer.put("splitAccessor", visibleId(split));
        }
        ArrayNode layersJson = array(dataLayer);
        List<LensPanel.Layer> layers = new ArrayList<>();
        layers.add(LensPanel.Layer.of(layerId, view, columns));
        if (targetLine != null) {
            String referenceLayerId = panelIndex + "-target";
            String lineId = panelIndex + "-target-value";
            layersJson.add(
                    object(
                            "layerId",
                            referenceLayerId,
                            "layerType",
                            "referenceLine",
                            "accessors",
                            array(lineId),
                            "yConfig",
                            array(
                                    object(
                                            "forAccessor", lineId,
                                            "axisMode", "left",
                                            "color", RED))));
            layers.add(
                    LensPanel.Layer.of(
                            referenceLayerId,
                            view,
                            List.of(LensColumns.staticValue(lineId, "SLA 目标", targetLine))));
        }
        ObjectNode visualization =
                object(
                        "layers",
                        layersJson,
                        "legend",
                        object("isVisible", true, "position", "right"),
                        "preferredSeriesType",
                        seriesType,
                        "valueLabels",
                        "hide",
                        "fittingFunction",
                        "None",
                        "yLeftExtent",
                        object("mode", "full"));
        return new LensPanel(panelIndex, grid, title, "lnsXY", visualization, kql, layers);
    }

    /**
     * A table of the columns, sorted by {@code sortColumn}; {@code shareColumn} (or {@code null})
     * has its cells coloured by the SLA bands.
     */
    static LensPanel table(
            String panelIndex,
            Grid grid,
            String title,
            DataView view,
            String kql,
            List<Map<String, ObjectNode>> columns,
            String sortColumn,
            String direction,
            String shareColumn) {
        ArrayNode tableColumns = array();
        for (Map<String, ObjectNode> column : columns) {
            String id = visibleId(column);
            ObjectNode tableColumn = object("columnId", id, "isTransposed", false);
            if (id.equals(shareColumn)) {
                tableColumn.put("colorMode", "cell");
                tableColumn.set("palette", complianceBands());
            }
            tableColumns.add(tableColumn);
        }
        ObjectNode visualization =
                object(
                        "layerId",
                        panelIndex + "-layer",
                        "layerType",
                        "data",
                        "columns",
                        tableColumns,
                        "sorting",
                        object("columnId", sortColumn, "direction", direction),
                        "rowHeight",
                        "single");
        return lens(panelIndex, grid, title, "lnsDatatable", visualization, kql, view, columns);
    }

    private static ObjectNode metricState(String panelIndex, Map<String, ObjectNode> figure) {
        return object(
                "layerId",
                panelIndex + "-layer",
                "layerType",
                "data",
                "metricAccessor",
                visibleId(figure));
    }

    private static LensPanel lens(
            String panelIndex,
            Grid grid,
            String title,
            String type,
            ObjectNode visualization,
            String kql,
            DataView view,
            List<Map<String, ObjectNode>> columns) {
        return new LensPanel(
                panelIndex,
                grid,
                title,
                type,
                visualization,
                kql,
                List.of(LensPanel.Layer.of(panelIndex + "-layer", view, columns)));
    }

    /** The column shown: a formula's first entry, its hidden parts follow. */
    private static String visibleId(Map<String, ObjectNode> column) {
        return column.keySet().iterator().next();
    }

    /**
     * Red below 80 %, amber from 80 %, green from 95 % (stops: upper, colorStops: lower bounds).
     */
    private static ObjectNode complianceBands() {
        ObjectNode params =
                object(
                        "name",
                        "custom",
                        "rangeType",
                        "number",
                        "rangeMin",
                        0,
                        "rangeMax",
                        1,
                        "progression",
                        "fixed",
                        "continuity",
                        "all",
                        "reverse",
                        false,
                        "steps",
                        3,
                        "maxSteps",
                        5,
                        "stops",
                        array(
                                object("color", RED, "stop", 0.8),
                                object("color", AMBER, "stop", 0.95),
                                object("color", GREEN, "stop", 1)),
                        "colorStops",
                        array(
                                object("color", RED, "stop", 0),
                                object("color", AMBER, "stop", 0.8),
                                object("color", GREEN, "stop", 0.95)));
        return object("type", "palette", "name", "custom", "params", params);
    }
}
