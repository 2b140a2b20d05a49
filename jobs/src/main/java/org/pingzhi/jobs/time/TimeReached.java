package org.pingzhi.jobs.time;

import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;

/**
 * The latest event time an operator's subtask acted at, kept in checkpoints (operator union list
 * state). After a restore the watermark starts over; an operator that must not undo what time had
 * decided acts at no earlier time than this.
 */
public final class TimeReached {

    private final ListState<Long> state;
    private long reached;

    private TimeReached(ListState<Long> state, long reached) {
        this.state = state;
        this.reached = reached;
    }

    /**
     * Restores the time reached: the earliest of all subtasks', since after rescaling a subtask's
     * keys come from any of them and none may act ahead of where its own attempt had got to; {@code
     * Long.MIN_VALUE} on a fresh start.
     */
    public static TimeReached restore(
            FunctionInitializationContext context, ListStateDescriptor<Long> descriptor)
            throws Exception {
        ListState<Long> state = context.getOperatorStateStore().getUnionListState(descriptor);
        long reached = Long.MIN_VALUE;
        boolean first = true;
        for (long each : state.get()) {
            reached = first ? each : Math.min(reached, each);
            first = false;
        }
        return new TimeReached(state, reached);
    }

    /** The time reached, {@code Long.MIN_VALUE} before any. */
    public long current() {
        return reached;
    }

    /** Moves the time reached to {@code now} if that is later; the time reached. */
    public long advance(long now) {
        reached = Math.max(reached, now);
        return reached;
    }

    public void snapshot() throws Exception {
        state.update(reached == Long.MIN_VALUE ? List.of() : List.of(reached));
    }
}
