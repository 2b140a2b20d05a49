package org.pingzhi.common.directory;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pingzhi.common.model.Source;

/**
 * How each source's own category maps to the unified one (categories.tsv).
 *
 * <p>12345 sends a path such as {@code 公共安全/消防安全/电动车飞线充电}; the longest listed prefix that ends on a
 * segment boundary wins ({@code 公共安全} matches {@code 公共安全} and {@code 公共安全/...} but not {@code
 * 公共安全X}). 110 sends an alarm type that must match exactly. Anything else maps to the fallback row
 * ({@code *}), {@code OTHER}: an unknown category is not an error.
 */
public final class CategoryDirectory implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Classpath location of the shipped copy of the contract's categories.tsv. */
    public static final String RESOURCE = "/contracts/categories.tsv";

    private static final List<String> COLUMNS =
            List.of("source", "sourceCategory", "category", "categoryName");
    private static final String WILDCARD = "*";
    private static final char PATH_SEPARATOR = '/';

    private final Map<String, Category> hotlinePrefixes;
    private final Map<String, Category> policeTypes;
    private final Map<String, Category> byCode;
    private final Category other;

    private CategoryDirectory(
            Map<String, Category> hotlinePrefixes,
            Map<String, Category> policeTypes,
            Map<String, Category> byCode,
            Category other) {
        this.hotlinePrefixes = Map.copyOf(hotlinePrefixes);
        this.policeTypes = Map.copyOf(policeTypes);
        this.byCode = Map.copyOf(byCode);
        this.other = other;
    }

    /** The directory shipped with the code, loaded once per JVM and shared. */
    public static CategoryDirectory standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final CategoryDirectory INSTANCE = loadDefault();
    }

    /** The directory shipped with the code ({@value #RESOURCE}). */
    public static CategoryDirectory loadDefault() {
        return fromTable(TsvTable.fromResource(RESOURCE, COLUMNS));
    }

    /** A directory from the text of a categories.tsv file. */
    public static CategoryDirectory parse(String tsv) {
        return fromTable(TsvTable.parse("categories.tsv", tsv, COLUMNS));
    }

    private static CategoryDirectory fromTable(TsvTable table) {
        Map<String, Category> hotline = new HashMap<>();
        Map<String, Category> police = new HashMap<>();
        Map<String, Category> byCode = new HashMap<>();
        Category other = null;
        for (Map<String, String> row : table.rows()) {
            Category category = new Category(row.get("category"), row.get("categoryName"));
            byCode.putIfAbsent(category.code(), category);
            String source = row.get("source");
            String sourceCategory = row.get("sourceCategory");
            if (WILDCARD.equals(source) && WILDCARD.equals(sourceCategory)) {
                other = category;
            } else if (Source.HOTLINE_12345.code().equals(source)) {
                hotline.put(sourceCategory, category);
            } else if (Source.POLICE_110.code().equals(source)) {
                police.put(sourceCategory, category);
            } else {
                throw new IllegalStateException("categories.tsv: unknown source " + source);
            }
        }
        if (other == null) {
            throw new IllegalStateException("categories.tsv has no fallback row (* *)");
        }
        return new CategoryDirectory(hotline, police, byCode, other);
    }

    /** The unified category of a 12345 category path: its longest listed prefix, else OTHER. */
    public Category forHotlinePath(String path) {
        String prefix = path;
        while (prefix != null) {
            Category category = hotlinePrefixes.get(prefix);
            if (category != null) {
                return category;
            }
            int cut = prefix.lastIndexOf(PATH_SEPARATOR);
            prefix = cut < 0 ? null : prefix.substring(0, cut);
        }
        return other;
    }

    /** The unified category of a 110 alarm type: an exact match, else OTHER. */
    public Category forAlarmType(String alarmType) {
        return alarmType == null ? other : policeTypes.getOrDefault(alarmType, other);
    }

    /** The category an unknown or missing source category maps to ({@code OTHER}). */
    public Category other() {
        return other;
    }

    /** A unified category by its code, e.g. {@code FIRE_SAFETY} -> 消防安全. */
    /** Every unified category code, sorted. */
    public SortedSet<String> codes() {
        return new TreeSet<>(byCode.keySet());
    }

    public Optional<Category> byCode(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }
}
