package org.pingzhi.common.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tab-separated table as the contract files write it: {@code #} comment lines, one header line,
 * then rows with exactly as many cells as the header. Malformed tables fail fast: they are shipped
 * with the code, so an error here is a packaging error, not bad input.
 */
final class TsvTable {

    private final List<Map<String, String>> rows;

    private TsvTable(List<Map<String, String>> rows) {
        this.rows = rows;
    }

    static TsvTable fromResource(String resource, List<String> requiredColumns) {
        try (InputStream in = TsvTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(resource, text, requiredColumns);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + resource, e);
        }
    }

    static TsvTable parse(String name, String text, List<String> requiredColumns) {
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split("\t", -1));
            if (header == null) {
                header = cells;
                requireColumns(name, header, requiredColumns);
            } else {
                rows.add(row(name, i + 1, header, cells));
            }
        }
        if (header == null) {
            throw new IllegalStateException(name + " has no header line");
        }
        return new TsvTable(List.copyOf(rows));
    }

    private static void requireColumns(String name, List<String> header, List<String> required) {
        for (String column : required) {
            if (!header.contains(column)) {
                throw new IllegalStateException(name + " has no column " + column);
            }
        }
    }

    private static Map<String, String> row(
            String name, int lineNumber, List<String> header, List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalStateException(
                    String.format(
                            "%s line %d: %d cells, the header has %d",
                            name, lineNumber, cells.size(), header.size()));
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            row.put(header.get(c), cells.get(c));
        }
        return row;
    }

    /** The data rows, each a column name to cell map; every required column is present. */
    List<Map<String, String>> rows() {
        return rows;
    }
}
