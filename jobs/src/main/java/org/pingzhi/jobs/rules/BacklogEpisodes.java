package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.common.rules.BacklogRule;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.jobs.typeutils.BinaryFields;

/**
 * BACKLOG for one town (contract rules.md): at every minute end {@code m} (a whole UTC minute),
 * {@code open(m)} counts the town's incidents open at m. A run is a maximal stretch of minute ends
 * with {@code open > T}, starting at {@code r}; it fires at {@code r + D} if it lasts through
 * there, and is resolved at the first minute end with {@code open <= T}.
 *
 * <p>A change learned after its minute ends were decided (walked, or passed by event time) counts
 * from the next minute end on: what was decided stays, and an incident that ended late is not left
 * open for ever.
 *
 * <p>State: the open count, the run, and the not yet walked changes of the count per instant; no
 * incident is kept. Minute ends are walked a stretch of constant count at a time, so a quiet town
 * costs nothing per minute.
 */
public final class BacklogEpisodes implements RuleGroupState {

    private static final long serialVersionUID = 1L;

    private static final long MINUTE = 60_000L;

    private final List<String> group;
    private final int threshold;
    private final long durationMillis;

    /** Changes of the open count per instant, not yet walked. */
    private final TreeMap<Long, Integer> pending = new TreeMap<>();

    private long walkedTo = Long.MIN_VALUE;
    private int openCount;
    private Long runStart;
    private int runHighest;
    private RuleEpisode open;

    public BacklogEpisodes(BacklogRule rule, List<String> group) {
        this(group, rule.threshold(), rule.duration());
    }

    BacklogEpisodes(List<String> group, int threshold, Duration duration) {
        this.group = List.copyOf(group);
        this.threshold = threshold;
        this.durationMillis = duration.toMillis();
    }

    /**
     * An incident of the town changed from {@code before} to {@code after} (either null: it was
     * not, or is no longer, an incident of the town), learned at {@code eventTime}. False when the
     * change is late, that is would alter a minute end already walked or at or before {@code
     * eventTime}: it then counts from the next minute end on.
     */
    public boolean change(OpenInterval before, OpenInterval after, long eventTime) {
        TreeMap<Long, Integer> deltas = new TreeMap<>();
        book(deltas, before, -1);
        book(deltas, after, +1);
        deltas.values().removeIf(delta -> delta == 0);
        long decided =
                eventTime == Long.MIN_VALUE
                        ? walkedTo
                        : Math.max(walkedTo, Math.floorDiv(eventTime, MINUTE) * MINUTE);
        deltas.forEach(
                (at, delta) -> pending.merge(Math.max(at, decided + 1), delta, Integer::sum));
        pending.values().removeIf(delta -> delta == 0);
        return deltas.isEmpty() || deltas.firstKey() > decided;
    }

    private static void book(Map<Long, Integer> deltas, OpenInterval interval, int sign) {
        if (interval == null || interval.isEmpty()) {
            return;
        }
        deltas.merge(interval.from(), sign, Integer::sum);
        if (interval.until() != null) {
            deltas.merge(interval.until(), -sign, Integer::sum);
        }
    }

    @Override
    public List<EpisodeEvent> advanceTo(long t) {
        EpisodeEvents events = new EpisodeEvents();
        long lastMinuteEnd = Math.floorDiv(t, MINUTE) * MINUTE;
        while (walkedTo < lastMinuteEnd) {
            long first = firstMinuteEndToWalk();
            if (first > lastMinuteEnd) {
                break;
            }
            while (!pending.isEmpty() && pending.firstKey() <= first) {
                openCount += pending.pollFirstEntry().getValue();
            }
            long stretchEnd =
                    pending.isEmpty()
                            ? lastMinuteEnd
                            : Math.min(lastMinuteEnd, ceilMinute(pending.firstKey()) - MINUTE);
            walk(first, stretchEnd, events);
            walkedTo = stretchEnd;
        }
        return events.list();
    }

    /** The first minute end not walked yet; before any input, the one of the first change. */
    private long firstMinuteEndToWalk() {
        if (walkedTo != Long.MIN_VALUE) {
            return walkedTo + MINUTE;
        }
        return pending.isEmpty() ? Long.MAX_VALUE : ceilMinute(pending.firstKey());
    }

    /** Walks the minute ends {@code first..last}, all with the same open count. */
    private void walk(long first, long last, EpisodeEvents events) {
        if (openCount <= threshold) {
            if (runStart != null && open != null) {
                events.resolved(open.resolvedAt(first));
            }
            runStart = null;
            open = null;
            return;
        }
        if (runStart == null) {
            runStart = first;
            runHighest = openCount;
        }
        runHighest = Math.max(runHighest, openCount);
        long firesAt = runStart + durationMillis;
        if (open == null && firesAt <= last) {
            open = episode(firesAt, last);
            events.fired(open);
        } else if (open != null) {
            open = episode(open.firedAt(), last);
            events.updated(open);
        }
    }

    private RuleEpisode episode(long firedAt, long lastAbove) {
        return new RuleEpisode(
                group,
                runStart,
                firedAt,
                group.get(0),
                null,
                runStart,
                lastAbove,
                (long) runHighest,
                List.of(),
                null);
    }

    private static long ceilMinute(long t) {
        return Math.floorDiv(t + MINUTE - 1, MINUTE) * MINUTE;
    }

    @Override
    public long nextWakeUp() {
        long next = pending.isEmpty() ? Long.MAX_VALUE : ceilMinute(pending.firstKey());
        if (runStart != null) {
            next = Math.min(next, open == null ? runStart + durationMillis : walkedTo + MINUTE);
        }
        return next;
    }

    /** Resolved no earlier than the last minute end walked with the count above the threshold. */
    @Override
    public Optional<RuleEpisode> endedAt(long at) {
        return Optional.ofNullable(open)
                .map(episode -> episode.resolvedAt(Math.max(at, episode.windowEnd())));
    }

    @Override
    public boolean isEmpty() {
        return pending.isEmpty() && openCount == 0 && runStart == null;
    }

    void writeTo(DataOutputView out) throws IOException {
        BinaryFields.writeStrings(group, out);
        out.writeInt(threshold);
        out.writeLong(durationMillis);
        StateFields.writeCounts(pending, out);
        out.writeLong(walkedTo);
        out.writeInt(openCount);
        BinaryFields.writeLongOrNull(runStart, out);
        out.writeInt(runHighest);
        StateFields.writeEpisodeOrNull(open, out);
    }

    static BacklogEpisodes readFrom(DataInputView in) throws IOException {
        BacklogEpisodes state =
                new BacklogEpisodes(
                        BinaryFields.readStrings(in),
                        in.readInt(),
                        Duration.ofMillis(in.readLong()));
        StateFields.readCounts(state.pending, in);
        state.walkedTo = in.readLong();
        state.openCount = in.readInt();
        state.runStart = BinaryFields.readLongOrNull(in);
        state.runHighest = in.readInt();
        state.open = StateFields.readEpisodeOrNull(in);
        return state;
    }
}
