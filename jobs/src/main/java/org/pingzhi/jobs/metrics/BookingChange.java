package org.pingzhi.jobs.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed in one group's minutes when an incident changed: its earlier bookings there to
 * withdraw and its new ones to book (either null when the incident was not, or is no longer, in the
 * group).
 */
public record BookingChange(
        MetricGroup group, IncidentBookings withdrawn, IncidentBookings booked) {

    /**
     * The changes that take an incident from {@code before} (null when it had booked nothing) to
     * {@code after}: none when nothing moved, one for its group, or — when its town or category
     * changed — one withdrawing from the old group and one booking in the new.
     */
    public static List<BookingChange> between(IncidentBookings before, IncidentBookings after) {
        List<BookingChange> changes = new ArrayList<>(2);
        if (before == null ? after == null : before.booksTheSameAs(after)) {
            return changes;
        }
        if (before != null && after != null && before.group().equals(after.group())) {
            changes.add(new BookingChange(after.group(), before, after));
            return changes;
        }
        if (before != null) {
            changes.add(new BookingChange(before.group(), before, null));
        }
        if (after != null) {
            changes.add(new BookingChange(after.group(), null, after));
        }
        return changes;
    }
}
