package org.pingzhi.admin.kibana;

import static org.pingzhi.admin.kibana.Trees.array;
import static org.pingzhi.admin.kibana.Trees.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lens form-based columns, in the shapes Kibana's sample data stores (see {@code
 * /work/shared/kibana-facts.md}, section 3). Each returns its columns keyed by id: most one, a
 * formula its hidden parts too.
 */
final class LensColumns {

    /** The records of the layer, Lens's pseudo-field of {@code count}. */
    static final String RECORDS = "___records___";

    private LensColumns() {}

    static Map<String, ObjectNode> count(String id, String label) {
        return one(id, metric(label, "count", RECORDS));
    }

    static Map<String, ObjectNode> count(String id, String label, String kql) {
        ObjectNode column = metric(label, "count", RECORDS);
        column.set("filter", kuery(kql));
        return one(id, column);
    }

    static Map<String, ObjectNode> sum(String id, String label, String field) {
        return one(id, metric(label, "sum", field));
    }

    static Map<String, ObjectNode> percentile(String id, String label, String field, int p) {
        ObjectNode column = metric(label, "percentile", field);
        column.set("params", object("percentile", p));
        return one(id, column);
    }

    /** Min or max of a number or date field ({@code operation} "min" or "max"). */
    static Map<String, ObjectNode> extreme(
            String id, String label, String operation, String field, String dataType) {
        ObjectNode column = metric(label, operation, field);
        column.put("dataType", dataType);
        return one(id, column);
    }

    /** The value of the latest document by {@code sortField}, of any type. */
    static Map<String, ObjectNode> lastValue(
            String id, String label, String field, String dataType, String sortField) {
        ObjectNode column = metric(label, "last_value", field);
        column.put("dataType", dataType);
        column.set("params", object("sortField", sortField, "showArrayValues", true));
        return one(id, column);
    }

    static Map<String, ObjectNode> staticValue(String id, String label, double value) {
        ObjectNode column =
                object(
                        "label",
                        label,
                        "customLabel",
                        true,
                        "dataType",
                        "number",
                        "operationType",
                        "static_value",
                        "isStaticValue",
                        true,
                        "isBucketed",
                        false,
                        "scale",
                        "ratio",
                        "params",
                        object("value", Double.toString(value)),
                        "references",
                        array());
        return one(id, column);
    }

    /** Top {@code size} values of a keyword field, ordered by {@code orderByColumn}. */
    static Map<String, ObjectNode> terms(
            String id, String label, String field, int size, String orderByColumn, String dir) {
        return terms(
                id,
                label,
                field,
                size,
                object("type", "column", "columnId", orderByColumn),
                dir,
                false);
    }

    /** Values of a keyword field in alphabetical order; missing values kept when asked. */
    static Map<String, ObjectNode> termsAlphabetical(
            String id, String label, String field, int size, boolean missingBucket) {
        return terms(
                id,
                label,
                field,
                size,
                object("type", "alphabetical", "fallback", false),
                "asc",
                missingBucket);
    }

    private static Map<String, ObjectNode> terms(
            String id,
            String label,
            String field,
            int size,
            ObjectNode orderBy,
            String dir,
            boolean missingBucket) {
        ObjectNode column = bucket(label, "terms", field, "string", "ordinal");
        column.set(
                "params",
                object(
                        "size", size,
                        "orderBy", orderBy,
                        "orderDirection", dir,
                        "otherBucket", false,
                        "missingBucket", missingBucket,
                        "parentFormat", object("id", "terms")));
        return one(id, column);
    }

    static Map<String, ObjectNode> dateHistogram(
            String id, String label, String field, String interval) {
        ObjectNode column = bucket(label, "date_histogram", field, "date", "interval");
        column.set(
                "params",
                object("interval", interval, "includeEmptyRows", true, "dropPartials", false));
        return one(id, column);
    }

    /**
     * {@code sum(numerator) / (sum(numerator) + sum(other))}, shown as a percentage: a Lens formula
     * with the hidden columns ({@code <id>X0..X3}) it renders from.
     */
    static Map<String, ObjectNode> shareOfSums(
            String id, String label, String numerator, String other) {
        String formula = "sum(" + numerator + ") / (sum(" + numerator + ") + sum(" + other + "))";
        String part = "Part of " + label;
        String top = id + "X0";
        String left = id + "X1";
        String right = id + "X2";
        String math = id + "X3";
        int divisor = formula.indexOf("(sum(" + numerator + ") +");
        Map<String, ObjectNode> columns = new LinkedHashMap<>();
        ObjectNode result =
                object(
                        "label",
                        label,
                        "customLabel",
                        true,
                        "dataType",
                        "number",
                        "operationType",
                        "formula",
                        "isBucketed",
                        false,
                        "scale",
                        "ratio",
                        "params",
                        object(
                                "formula",
                                formula,
                                "isFormulaBroken",
                                false,
                                "format",
                                object("id", "percent", "params", object("decimals", 1))),
                        "references",
                        array(math));
        columns.put(id, result);
        columns.put(top, hidden(metric(part, "sum", numerator)));
        columns.put(left, hidden(metric(part, "sum", numerator)));
        columns.put(right, hidden(metric(part, "sum", other)));
        ObjectNode sumOfBoth =
                object(
                        "type", "function",
                        "name", "add",
                        "args", array(left, right),
                        "location", object("min", divisor, "max", formula.length()),
                        "text", formula.substring(divisor));
        ObjectNode ast =
                object(
                        "type",
                        "function",
                        "name",
                        "divide",
                        "args",
                        array(top, sumOfBoth),
                        "location",
                        object("min", 0, "max", formula.length()),
                        "text",
                        formula);
        columns.put(
                math,
                hidden(
                        object(
                                "label",
                                part,
                                "dataType",
                                "number",
                                "operationType",
                                "math",
                                "isBucketed",
                                false,
                                "scale",
                                "ratio",
                                "params",
                                object("tinymathAst", ast),
                                "references",
                                array(top, left, right))));
        return columns;
    }

    static ObjectNode kuery(String kql) {
        return object("query", kql, "language", "kuery");
    }

    private static ObjectNode hidden(ObjectNode column) {
        column.put("customLabel", true);
        return column;
    }

    private static ObjectNode metric(String label, String operation, String field) {
        return object(
                "label",
                label,
                "customLabel",
                true,
                "dataType",
                "number",
                "operationType",
                operation,
                "sourceField",
                field,
                "isBucketed",
                false,
                "scale",
                "ratio");
    }

    private static ObjectNode bucket(
            String label, String operation, String field, String dataType, String scale) {
        return object(
                "label", label,
                "customLabel", true,
                "dataType", dataType,
                "operationType", operation,
                "sourceField", field,
                "isBucketed", true,
                "scale", scale);
    }

    private static Map<String, ObjectNode> one(String id, ObjectNode column) {
        return Map.of(id, column);
    }
}
