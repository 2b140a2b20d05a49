package org.pingzhi.admin.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingzhi.common.json.Json;

/**
 * A picture of each dashboard drawn from the NDJSON itself (not from the definitions), so that the
 * README shows what Kibana will lay out: every panel at its grid place, with its title and chart.
 */
public final class DashboardPicture {

    private static final int COLUMN_PX = 20;
    private static final int ROW_PX = 20;
    private static final int HEADER_PX = 40;
    private static final int GAP_PX = 4;

    private DashboardPicture() {}

    /** One SVG per dashboard of the bundle, by dashboard id. */
    public static Map<String, String> svgs(String ndjson) {
        Map<String, String> pictures = new LinkedHashMap<>();
        for (String line : ndjson.split("\n")) {
            JsonNode savedObject = parse(line);
            if (savedObject.path("type").asText().equals("dashboard")) {
                pictures.put(savedObject.path("id").asText(), svg(savedObject));
            }
        }
        return pictures;
    }

    static String svg(JsonNode dashboard) {
        JsonNode attributes = dashboard.path("attributes");
        JsonNode panels = parse(attributes.path("panelsJSON").asText());
        int rows = 0;
        for (JsonNode panel : panels) {
            JsonNode grid = panel.path("gridData");
            rows = Math.max(rows, grid.path("y").asInt() + grid.path("h").asInt());
        }
        int width = Grid.COLUMNS * COLUMN_PX;
        int height = HEADER_PX + rows * ROW_PX;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#f5f7fa\"/>\n");
        svg.append("  <text x=\"8\" y=\"26\" font-size=\"18\" font-weight=\"bold\">")
                .append(escape(attributes.path("title").asText()))
                .append("</text>\n");
        svg.append("  <text x=\"")
                .append(width - 8)
                .append("\" y=\"26\" text-anchor=\"end\" fill=\"#69707d\">")
                .append(escape(caption(attributes)))
                .append("</text>\n");
        for (JsonNode panel : panels) {
            appendPanel(svg, panel);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String caption(JsonNode attributes) {
        String range =
                attributes.path("timeFrom").asText() + " → " + attributes.path("timeTo").asText();
        long refresh = attributes.at("/refreshInterval/value").asLong() / 1000;
        String control = attributes.has("controlGroupInput") ? "镇街选择控件 · " : "";
        return control + "时间 " + range + " · 每 " + refresh + " 秒刷新";
    }

    private static void appendPanel(StringBuilder svg, JsonNode panel) {
        JsonNode grid = panel.path("gridData");
        int x = grid.path("x").asInt() * COLUMN_PX + GAP_PX / 2;
        int y = HEADER_PX + grid.path("y").asInt() * ROW_PX + GAP_PX / 2;
        int w = grid.path("w").asInt() * COLUMN_PX - GAP_PX;
        int h = grid.path("h").asInt() * ROW_PX - GAP_PX;
        JsonNode visualization = panel.at("/embeddableConfig/attributes/state/visualization");
        String fill = visualization.path("color").asText("#ffffff");
        svg.append("  <rect x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" rx=\"4\" fill=\"")
                .append(fill)
                .append("\" stroke=\"#d3dae6\"/>\n");
        svg.append("  <text x=\"")
                .append(x + 8)
                .append("\" y=\"")
                .append(y + 18)
                .append("\" font-weight=\"bold\">")
                .append(escape(panel.path("title").asText()))
                .append("</text>\n");
        svg.append("  <text x=\"")
                .append(x + 8)
                .append("\" y=\"")
                .append(y + 34)
                .append("\" fill=\"#343741\">")
                .append(escape(chartKind(panel)))
                .append("</text>\n");
    }

    private static String chartKind(JsonNode panel) {
        if (panel.path("type").asText().equals("map")) {
            return "地图 (map, by reference)";
        }
        JsonNode attributes = panel.at("/embeddableConfig/attributes");
        String type = attributes.path("visualizationType").asText();
        return switch (type) {
            case "lnsMetric" -> "指标 (lnsMetric)";
            case "lnsDatatable" -> "表格 (lnsDatatable)";
            case "lnsXY" ->
                    "图表 (lnsXY "
                            + attributes.at("/state/visualization/preferredSeriesType").asText()
                            + ")";
            default -> type;
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
