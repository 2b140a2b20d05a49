package org.pingzhi.common.directory;

import java.util.Locale;

/** Whether a place is one of the city's subdistricts (街道) or a town (镇). */
public enum TownKind {
    SUBDISTRICT,
    TOWN;

    /** The spelling used in towns.tsv and SLA policies: {@code subdistrict} or {@code town}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The spelling used in towns.tsv: {@code subdistrict} or {@code town}. */
    static TownKind fromTsv(String value) {
        for (TownKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value)) {
                return kind;
            }
        }
        throw new IllegalStateException("Unknown town kind in towns.tsv: " + value);
    }
}
