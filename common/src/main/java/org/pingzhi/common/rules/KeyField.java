package org.pingzhi.common.rules;

import java.util.Optional;

/** An incident attribute a HOTSPOT or SURGE rule may group by, named as in the rules file. */
public enum KeyField {
    TOWN_CODE("townCode"),
    VILLAGE("village"),
    GRID_CODE("gridCode"),
    CATEGORY("category"),
    SOURCE("source"),
    PRIORITY("priority");

    private final String fileName;

    KeyField(String fileName) {
        this.fileName = fileName;
    }

    /** The field's name in the rules file, e.g. {@code townCode}. */
    public String fileName() {
        return fileName;
    }

    public static Optional<KeyField> byFileName(String name) {
        for (KeyField field : values()) {
            if (field.fileName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
