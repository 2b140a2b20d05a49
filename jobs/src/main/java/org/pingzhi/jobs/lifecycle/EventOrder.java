package org.pingzhi.jobs.lifecycle;

import java.util.Comparator;
import org.pingzhi.common.model.UnifiedEvent;

/**
 * The two orders the fold relies on, so that an incident's state depends only on the set of its
 * records.
 */
public final class EventOrder {

    /**
     * A total order on every field of a record, in the record's declaration order (enums by
     * declaration, nulls first). It decides between duplicates that differ in content and breaks
     * ties that event time and status leave open, so neither depends on arrival order.
     */
    public static final Comparator<UnifiedEvent> TOTAL =
            Comparator.comparing(UnifiedEvent::incidentId)
                    .thenComparing(UnifiedEvent::source)
                    .thenComparing(UnifiedEvent::status)
                    .thenComparing(UnifiedEvent::rawStatus, nullsFirst())
                    .thenComparingLong(UnifiedEvent::eventTime)
                    .thenComparing(UnifiedEvent::alarmId, nullsFirst())
                    .thenComparing(UnifiedEvent::orderId, nullsFirst())
                    .thenComparing(UnifiedEvent::category, nullsFirst())
                    .thenComparing(UnifiedEvent::rawCategory, nullsFirst())
                    .thenComparing(UnifiedEvent::priority, nullsFirst())
                    .thenComparing(UnifiedEvent::townCode, nullsFirst())
                    .thenComparing(UnifiedEvent::town, nullsFirst())
                    .thenComparing(UnifiedEvent::village, nullsFirst())
                    .thenComparing(UnifiedEvent::gridCode, nullsFirst())
                    .thenComparing(UnifiedEvent::lat, nullsFirst())
                    .thenComparing(UnifiedEvent::lon, nullsFirst())
                    .thenComparing(UnifiedEvent::callerKey, nullsFirst())
                    .thenComparing(UnifiedEvent::summary, nullsFirst())
                    .thenComparing(UnifiedEvent::unit, nullsFirst())
                    .thenComparing(UnifiedEvent::channel, nullsFirst())
                    .thenComparing(UnifiedEvent::seq, nullsFirst());

    /**
     * The contract's order of application: event time, then the status tie order (REPORTED ..
     * CLOSED, REOPEN, CANCELLED), then {@link #TOTAL}.
     */
    public static final Comparator<UnifiedEvent> APPLICATION =
            Comparator.comparingLong(UnifiedEvent::eventTime)
                    .thenComparing(UnifiedEvent::status)
                    .thenComparing(TOTAL);

    private EventOrder() {}

    /** Of two duplicates (same {@link UnifiedEvent#duplicateKey()}), the one that counts. */
    public static UnifiedEvent preferred(UnifiedEvent a, UnifiedEvent b) {
        return TOTAL.compare(a, b) <= 0 ? a : b;
    }

    private static <T extends Comparable<? super T>> Comparator<T> nullsFirst() {
        return Comparator.nullsFirst(Comparator.naturalOrder());
    }
}
