package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.pingzhi.common.model.UnifiedEvent;

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
 */
public final class RecordCap {

    /**
     * What to do with a new record: keep it, replacing {@code evicted} when not null, or drop it.
     */
    public record Admission(boolean keep, UnifiedEvent evicted) {
        static final Admission KEEP = new Admission(true, null);
        static final Admission DROP = new Admission(false, null);
    }

    private RecordCap() {}

    /**
     * @param kept the incident's distinct records
     * @param incoming a record whose duplicate key none of them has
     */
    public static Admission admit(Collection<UnifiedEvent> kept, UnifiedEvent incoming, int max) {
        if (kept.size() < max) {
            return Admission.KEEP;
        }
        List<UnifiedEvent> all = new ArrayList<>(kept);
        all.add(incoming);
        if (!isSignificant(incoming, all)) {
            return Admission.DROP;
        }
        UnifiedEvent victim = null;
        for (UnifiedEvent candidate : kept) {
            if (!isSignificant(candidate, all)
                    && (victim == null || EventOrder.APPLICATION.compare(candidate, victim) > 0)) {
                victim = candidate;
            }
        }
        return victim == null ? Admission.DROP : new Admission(true, victim);
    }

    static boolean isSignificant(UnifiedEvent record, Collection<UnifiedEvent> all) {
        for (UnifiedEvent other : all) {
            if (other.status() == record.status()
                    && (!record.isReport() || other.source() == record.source())
                    && EventOrder.APPLICATION.compare(other, record) < 0) {
                return false;
            }
        }
        return true;
    }
}
