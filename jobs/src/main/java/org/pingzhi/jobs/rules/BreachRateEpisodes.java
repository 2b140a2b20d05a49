package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.common.rules.BreachRateRule;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.jobs.typeutils.BinaryFields;

/**
 * BREACH_RATE for one town (contract rules.md): a tumbling window fires at its end when at least
 * {@code n} decisions fall in it and {@code breached >= x * decided}, exactly. Consecutive firing
 * windows are one episode, resolved at the end of the first later window that does not fire.
 *
 * <p>A window is judged once event time passes its end: a decision learned after that (walked, or
 * passed by the operator's event time, even while the group had no state) changes nothing; one
 * learned before counts, wherever the walk had got to within its window.
 *
 * <p>State: the current window's two counts and the open episode, besides the not yet walked
 * decisions (counted per instant).
 */
public final class BreachRateEpisodes implements RuleGroupState {

    private static final long serialVersionUID = 1L;

    private final List<String> group;
    private final long windowMillis;
    private final BigDecimal threshold;
    private final int minDecided;

    /** Decided and breached counts per instant, not yet walked. */
    private final TreeMap<Long, int[]> pending = new TreeMap<>();

    private long walkedTo = Long.MIN_VALUE;
    private Long currentWindow;
    private int decided;
    private int breached;
    private RuleEpisode open;

    public BreachRateEpisodes(BreachRateRule rule, List<String> group) {
        this(group, rule.window().toMillis(), rule.threshold(), rule.minDecided());
    }

    private BreachRateEpisodes(
            List<String> group, long windowMillis, BigDecimal threshold, int minDecided) {
        this.group = List.copyOf(group);
        this.windowMillis = windowMillis;
        this.threshold = threshold;
        this.minDecided = minDecided;
    }

    /**
     * Books the decision, learned at {@code eventTime}, at its instant, or in the current window
     * when the walk has passed it there; false (nothing booked) when its window has been judged:
     * its end is at or before the walk or {@code eventTime}.
     */
    public boolean add(SlaDecision decision, long eventTime) {
        long window = TumblingWindows.start(decision.at(), windowMillis);
        if (window + windowMillis <= Math.max(walkedTo, eventTime)) {
            return false;
        }
        int breachedCount = decision.breached() ? 1 : 0;
        if (decision.at() <= walkedTo) {
            currentWindow = window;
            decided++;
            breached += breachedCount;
            return true;
        }
        int[] counts = pending.computeIfAbsent(decision.at(), at -> new int[2]);
        counts[0]++;
        counts[1] += breachedCount;
        return true;
    }

    @Override
    public List<EpisodeEvent> advanceTo(long t) {
        EpisodeEvents events = new EpisodeEvents();
        while (!pending.isEmpty() && pending.firstKey() <= t) {
            Map.Entry<Long, int[]> next = pending.pollFirstEntry();
            long at = next.getKey();
            closeDue(at, events);
            currentWindow = TumblingWindows.start(at, windowMillis);
            decided += next.getValue()[0];
            breached += next.getValue()[1];
            walkedTo = at;
        }
        closeDue(t, events);
        walkedTo = Math.max(walkedTo, t);
        return events.list();
    }

    /** Judges the current window if it ended at or before {@code t}, then resolves if due. */
    private void closeDue(long t, EpisodeEvents events) {
        if (currentWindow != null && currentWindow + windowMillis <= t) {
            long end = currentWindow + windowMillis;
            if (fires()) {
                if (open != null && open.windowEnd().equals(currentWindow)) {
                    open =
                            new RuleEpisode(
                                    group,
                                    open.start(),
                                    open.firedAt(),
                                    group.get(0),
                                    null,
                                    open.windowStart(),
                                    end,
                                    open.count() + breached,
                                    List.of(),
                                    null);
                    events.updated(open);
                } else {
                    resolveDue(currentWindow, events);
                    open =
                            new RuleEpisode(
                                    group,
                                    currentWindow,
                                    end,
                                    group.get(0),
                                    null,
                                    currentWindow,
                                    end,
                                    (long) breached,
                                    List.of(),
                                    null);
                    events.fired(open);
                }
            }
            currentWindow = null;
            decided = 0;
            breached = 0;
        }
        resolveDue(t, events);
    }

    private boolean fires() {
        return decided >= minDecided
                && BigDecimal.valueOf(breached)
                                .compareTo(threshold.multiply(BigDecimal.valueOf(decided)))
                        >= 0;
    }

    /** Resolves the open episode if the window after its last firing one ended by {@code t}. */
    private void resolveDue(long t, EpisodeEvents events) {
        if (open != null && open.windowEnd() + windowMillis <= t) {
            events.resolved(open.resolvedAt(open.windowEnd() + windowMillis));
            open = null;
        }
    }

    @Override
    public long nextWakeUp() {
        long next = pending.isEmpty() ? Long.MAX_VALUE : pending.firstKey();
        if (currentWindow != null) {
            next = Math.min(next, currentWindow + windowMillis);
        }
        if (open != null) {
            next = Math.min(next, open.windowEnd() + windowMillis);
        }
        return next;
    }

    /** Resolved no earlier than the end of its last firing window. */
    @Override
    public Optional<RuleEpisode> endedAt(long at) {
        return Optional.ofNullable(open)
                .map(episode -> episode.resolvedAt(Math.max(at, episode.windowEnd())));
    }

    @Override
    public boolean isEmpty() {
        return pending.isEmpty() && currentWindow == null && open == null;
    }

    void writeTo(DataOutputView out) throws IOException {
        BinaryFields.writeStrings(group, out);
        out.writeLong(windowMillis);
        BinaryFields.writeString(threshold.toString(), out);
        out.writeInt(minDecided);
        out.writeInt(pending.size());
        for (Map.Entry<Long, int[]> at : pending.entrySet()) {
            out.writeLong(at.getKey());
            out.writeInt(at.getValue()[0]);
            out.writeInt(at.getValue()[1]);
        }
        out.writeLong(walkedTo);
        BinaryFields.writeLongOrNull(currentWindow, out);
        out.writeInt(decided);
        out.writeInt(breached);
        StateFields.writeEpisodeOrNull(open, out);
    }

    static BreachRateEpisodes readFrom(DataInputView in) throws IOException {
        BreachRateEpisodes state =
                new BreachRateEpisodes(
                        BinaryFields.readStrings(in),
                        in.readLong(),
                        new BigDecimal(BinaryFields.readString(in)),
                        in.readInt());
        for (int n = in.readInt(); n > 0; n--) {
            state.pending.put(in.readLong(), new int[] {in.readInt(), in.readInt()});
        }
        state.walkedTo = in.readLong();
        state.currentWindow = BinaryFields.readLongOrNull(in);
        state.decided = in.readInt();
        state.breached = in.readInt();
        state.open = StateFields.readEpisodeOrNull(in);
        return state;
    }
}
