package org.pingzhi.admin.kibana;

import java.util.List;

/**
 * One dashboard: stable id, Chinese title, the time range it restores ({@code timeFrom}/{@code
 * timeTo} in Kibana's date math), its auto-refresh, panels, and an optional options-list control.
 */
record Dashboard(
        String id,
        String title,
        String description,
        String timeFrom,
        String timeTo,
        int refreshSeconds,
        List<Panel> panels,
        Control control) {

    /** An options list over one keyword field of a data view. */
    record Control(String id, DataView view, String field, String title) {}
}
