package org.pingzhi.jobs.lifecycle;

import java.util.Collection;
import java.util.Comparator;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.model.UnifiedStatus;

/**
 * The bound on the distinct records one incident keeps ({@link
 * LifecycleSettings#maxRecordsPerIncident()}). A real lifecycle has about ten records; the cap only
 * guards state against a flood (a looping upstream).
 *
 * <p>Below the cap every record is kept. At the cap a new record is kept only when it is
 * <em>significant</em> — no kept record of its status is earlier (for report records: none of its
 * status and source), so it could set a milestone, the clock start or the report attributes — and
 * it then replaces the newest kept record that is not significant. Any other record is dropped (the
 * operator counts and logs it). At most ten records are ever significant (one per status, two
 * reports), so a replacement is always found for caps of {@value LifecycleSettings#MIN_MAX_RECORDS}
 * and more. Beyond the cap the state is no longer a function of the set of records alone: later
 * status changes (e.g. another REOPEN) can be lost.
 *
 * <p>A decision costs two passes over the kept records (at most 2n + 1 comparisons): the earliest
 * record of each status, then the newest of the others. A flood of ever earlier records, each of
 * them significant, is so linear per record, not quadratic.
 */
public final class RecordCap {

    /**
     * What to do with a new record: keep it, replacing {@code evicted} when not null, or drop it.
     */
    public record Admission(boolean keep, UnifiedEvent evicted) {
        static final Admission KEEP = new Admission(true, null);
        static final Admission DROP = new Admission(false, null);
    }

    private static final int GROUPS = UnifiedStatus.values().length * Source.values().length;

    private RecordCap() {}

    /**
     * @param kept the incident's distinct records
     * @param incoming a record whose duplicate key none of them has
     */
    public static Admission admit(Collection<UnifiedEvent> kept, UnifiedEvent incoming, int max) {
        return admit(kept, incoming, max, EventOrder.APPLICATION);
    }

    /** {@link #admit(Collection, UnifiedEvent, int)} in the given application order. */
    static Admission admit(
            Collection<UnifiedEvent> kept,
            UnifiedEvent incoming,
            int max,
            Comparator<UnifiedEvent> order) {
        if (kept.size() < max) {
            return Admission.KEEP;
        }
        UnifiedEvent[] earliest = new UnifiedEvent[GROUPS];
        for (UnifiedEvent record : kept) {
            int group = group(record);
            if (earliest[group] == null || order.compare(record, earliest[group]) < 0) {
                earliest[group] = record;
            }
        }
        int incomingGroup = group(incoming);
        if (earliest[incomingGroup] != null
                && order.compare(earliest[incomingGroup], incoming) < 0) {
            return Admission.DROP;
        }
        // The incoming record is now the earliest of its group: the former earliest is not.
        earliest[incomingGroup] = incoming;
        UnifiedEvent victim = null;
        for (UnifiedEvent candidate : kept) {
            if (earliest[group(candidate)] != candidate
                    && (victim == null || order.compare(candidate, victim) > 0)) {
                victim = candidate;
            }
        }
        return victim == null ? Admission.DROP : new Admission(true, victim);
    }

    /** Records compete for significance within their status, report records also by source. */
    private static int group(UnifiedEvent record) {
        int source = record.isReport() ? record.source().ordinal() : 0;
        return record.status().ordinal() * Source.values().length + source;
    }
}
