package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.io.Serializable;
import java.util.TreeSet;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The incidents of a counting rule's group not walked yet, in walk order, and how far the walk has
 * come: an incident at or before that instant is late and refused.
 */
final class IncidentQueue implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeSet<CountedIncident> pending = new TreeSet<>(CountedIncident.WALK_ORDER);
    private long walkedTo = Long.MIN_VALUE;

    /** Queues the incident once; false (nothing queued) when it is late. */
    boolean offer(RuleIncident incident) {
        if (incident.reportedAt() <= walkedTo) {
            return false;
        }
        pending.add(CountedIncident.of(incident));
        return true;
    }

    /** The reportedAt of the next incident to walk if it is at or before {@code t}, else null. */
    Long nextAtOrBefore(long t) {
        return pending.isEmpty() || pending.first().reportedAt() > t
                ? null
                : pending.first().reportedAt();
    }

    /** Takes the next incident to walk; the walk has then come to its reportedAt. */
    CountedIncident take() {
        CountedIncident next = pending.pollFirst();
        walkedTo = next.reportedAt();
        return next;
    }

    /** The walk has come to {@code t}: nothing at or before it is taken any more. */
    void walkedTo(long t) {
        walkedTo = Math.max(walkedTo, t);
    }

    /** The reportedAt of the next incident to walk, {@link Long#MAX_VALUE} when none. */
    long nextAt() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.first().reportedAt();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    void writeTo(DataOutputView out) throws IOException {
        StateFields.writeIncidents(pending, out);
        out.writeLong(walkedTo);
    }

    static IncidentQueue readFrom(DataInputView in) throws IOException {
        IncidentQueue queue = new IncidentQueue();
        queue.pending.addAll(StateFields.readIncidents(in));
        queue.walkedTo = in.readLong();
        return queue;
    }
}
