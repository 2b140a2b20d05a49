package org.pingzhi.jobs.lifecycle;

import org.pingzhi.common.directory.CategoryDirectory;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;

/**
 * What an incident's report record says about it: the descriptive fields of the incident document,
 * and the keys of the SLA policy lookup.
 *
 * @param category unified category code, {@code OTHER} when unknown
 * @param priority never null: a report record without one gets its source's default
 */
public record ReportAttributes(
        String category,
        String rawCategory,
        Priority priority,
        String townCode,
        String town,
        String village,
        String gridCode,
        Double lat,
        Double lon,
        String callerKey,
        String summary) {

    /** The attributes a report record (CREATE or RECEIVED) gives its incident. */
    public static ReportAttributes of(UnifiedEvent report) {
        return new ReportAttributes(
                report.category() == null ? otherCategory() : report.category(),
                report.rawCategory(),
                report.priority() == null ? report.source().defaultPriority() : report.priority(),
                report.townCode(),
                report.town(),
                report.village(),
                report.gridCode(),
                report.lat(),
                report.lon(),
                report.callerKey(),
                report.summary());
    }

    /**
     * The attributes of an incident whose report records never arrived: category OTHER, the town of
     * its earliest record and its own source's default priority; nothing else is known.
     */
    public static ReportAttributes withoutReport(UnifiedEvent earliest, Source ownSource) {
        return new ReportAttributes(
                otherCategory(),
                null,
                ownSource.defaultPriority(),
                earliest.townCode(),
                earliest.town(),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Whether both coordinates are known (the document's geo_point). */
    public boolean hasLocation() {
        return lat != null && lon != null;
    }

    private static String otherCategory() {
        return CategoryDirectory.standard().other().code();
    }
}
