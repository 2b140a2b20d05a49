package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.common.rules.Baseline;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.common.rules.SurgeRule;
import org.pingzhi.jobs.typeutils.BinaryFields;

/**
 * SURGE for one group (contract rules.md): a tumbling window {@code w} surges when {@code c(w) >=
 * m} and {@code B * c(w) >= k * S(w)}, exactly, i.e. when its count reaches {@code max(m, ceil(k *
 * S(w) / B))}; it fires at the reportedAt of the incident bringing the count there. Consecutive
 * surging windows are one episode, resolved at the end of the first later window that does not
 * surge. A window is judged only when its baseline windows all start at or after the window holding
 * the earliest incident seen by the job (the history start), so that a baseline is history.
 *
 * <p>State: the counts of the windows the baseline reaches back to, the current window's first 100
 * incident ids and the open episode, besides the not yet walked inputs.
 */
public final class SurgeEpisodes implements RuleGroupState {

    private static final long serialVersionUID = 1L;

    static final int MAX_INCIDENT_IDS = 100;

    private static final byte PREVIOUS_WINDOWS = 0;
    private static final byte SAME_TIME_OF_DAY = 1;

    private final List<String> group;
    private final Duration windowLength;
    private final long windowMillis;
    private final BigDecimal factor;
    private final int minCount;
    private final Baseline baseline;
    private final long reachMillis;
    private final long historyFloor;
    private long historyWindowStart;

    private final IncidentQueue pending;
    private final TreeMap<Long, Integer> counts = new TreeMap<>();

    private long currentWindow = Long.MIN_VALUE;
    private int currentTarget;
    private final List<String> currentIds = new ArrayList<>();

    private RuleEpisode open;
    private long surgingUntil;

    /** The latest reportedAt the open episode holds. */
    private long openLatest;

    /**
     * @param historyStart the earliest reportedAt of all incidents the job has seen (in replay: in
     *     the input, before any rule's filter, whatever their group)
     */
    public SurgeEpisodes(SurgeRule rule, List<String> group, long historyStart) {
        this(rule, group, historyStart, Long.MIN_VALUE);
    }

    /**
     * A rule that came into force at {@code countsFrom} (published live) counted nothing before:
     * its history starts no earlier than the first window that starts at or after that instant, so
     * that no baseline holds a window it saw only part of.
     */
    public SurgeEpisodes(SurgeRule rule, List<String> group, long historyStart, long countsFrom) {
        this(
                group,
                rule.window(),
                rule.factor(),
                rule.minCount(),
                rule.baseline(),
                firstWindowFrom(countsFrom, rule.window().toMillis()),
                new IncidentQueue());
        this.historyWindowStart =
                Math.max(historyFloor, TumblingWindows.start(historyStart, windowMillis));
    }

    private SurgeEpisodes(
            List<String> group,
            Duration windowLength,
            BigDecimal factor,
            int minCount,
            Baseline baseline,
            long historyFloor,
            IncidentQueue pending) {
        this.group = List.copyOf(group);
        this.windowLength = windowLength;
        this.windowMillis = windowLength.toMillis();
        this.factor = factor;
        this.minCount = minCount;
        this.baseline = baseline;
        this.reachMillis = baseline.reach(windowLength).toMillis();
        this.historyFloor = historyFloor;
        this.pending = pending;
    }

    private static long firstWindowFrom(long t, long windowMillis) {
        if (t == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        long start = TumblingWindows.start(t, windowMillis);
        return start < t ? start + windowMillis : start;
    }

    /**
     * The job has seen an incident reported at {@code earliest}, maybe of another group: the
     * history starts no later than its window. Only to be told before advancing past it.
     */
    public void historySeenFrom(long earliest) {
        historyWindowStart =
                Math.max(
                        historyFloor,
                        Math.min(
                                historyWindowStart, TumblingWindows.start(earliest, windowMillis)));
    }

    /**
     * Counts the incident, learned at {@code eventTime}, once; false (and nothing counted) when it
     * is late: at or before the walk or {@code eventTime}.
     */
    public boolean add(RuleIncident incident, long eventTime) {
        pending.walkedTo(eventTime);
        return pending.offer(incident);
    }

    @Override
    public List<EpisodeEvent> advanceTo(long t) {
        EpisodeEvents events = new EpisodeEvents();
        for (Long at = pending.nextAtOrBefore(t); at != null; at = pending.nextAtOrBefore(t)) {
            resolveDue(at, events);
            count(pending.take(), events);
        }
        resolveDue(t, events);
        forget(t);
        pending.walkedTo(t);
        return events.list();
    }

    private void count(CountedIncident incident, EpisodeEvents events) {
        long window = TumblingWindows.start(incident.reportedAt(), windowMillis);
        if (window != currentWindow) {
            currentWindow = window;
            currentIds.clear();
            currentTarget = judged(window) ? target(window) : Integer.MAX_VALUE;
        }
        int count = counts.merge(window, 1, Integer::sum);
        if (currentIds.size() < MAX_INCIDENT_IDS) {
            currentIds.add(incident.incidentId());
        }
        if (count < currentTarget) {
            return;
        }
        openLatest = incident.reportedAt();
        if (open == null) {
            surgingUntil = window + windowMillis;
            open =
                    new RuleEpisode(
                            group,
                            window,
                            incident.reportedAt(),
                            incident.townCode(),
                            incident.category(),
                            window,
                            surgingUntil,
                            (long) count,
                            currentIds,
                            null);
            events.fired(open);
            return;
        }
        boolean joinsNow = count == currentTarget;
        surgingUntil = window + windowMillis;
        List<String> ids = new ArrayList<>(open.incidentIds());
        if (joinsNow) {
            for (String id : currentIds) {
                if (ids.size() < MAX_INCIDENT_IDS) {
                    ids.add(id);
                }
            }
        } else if (ids.size() < MAX_INCIDENT_IDS) {
            ids.add(incident.incidentId());
        }
        open =
                new RuleEpisode(
                        group,
                        open.start(),
                        open.firedAt(),
                        open.townCode(),
                        open.category(),
                        open.windowStart(),
                        surgingUntil,
                        open.count() + (joinsNow ? count : 1),
                        ids,
                        null);
        events.updated(open);
    }

    /** Whether the window's baseline windows all start at or after the history's first window. */
    private boolean judged(long window) {
        return baseline.start(window, windowLength, baseline.windows()) >= historyWindowStart;
    }

    /** {@code max(m, ceil(k * S / B))}, exactly. */
    private int target(long window) {
        long sum = 0;
        for (int n = 1; n <= baseline.windows(); n++) {
            sum += counts.getOrDefault(baseline.start(window, windowLength, n), 0);
        }
        BigDecimal needed =
                factor.multiply(BigDecimal.valueOf(sum))
                        .divide(BigDecimal.valueOf(baseline.windows()), 0, RoundingMode.CEILING);
        return Math.max(minCount, needed.intValueExact());
    }

    private void resolveDue(long t, EpisodeEvents events) {
        if (open != null && surgingUntil + windowMillis <= t) {
            events.resolved(open.resolvedAt(surgingUntil + windowMillis));
            open = null;
        }
    }

    /** Drops the counts no window from {@code t} on reaches back to. */
    private void forget(long t) {
        long oldestNeeded = TumblingWindows.start(t, windowMillis) - reachMillis;
        counts.headMap(oldestNeeded).clear();
    }

    @Override
    public long nextWakeUp() {
        long next = pending.nextAt();
        if (open != null) {
            next = Math.min(next, surgingUntil + windowMillis);
        }
        if (!counts.isEmpty()) {
            next = Math.min(next, counts.firstKey() + reachMillis + windowMillis);
        }
        return next;
    }

    /** Resolved no earlier than the latest incident it holds. */
    @Override
    public Optional<RuleEpisode> endedAt(long at) {
        return Optional.ofNullable(open)
                .map(episode -> episode.resolvedAt(Math.max(at, openLatest)));
    }

    @Override
    public boolean isEmpty() {
        return pending.isEmpty() && counts.isEmpty() && open == null;
    }

    void writeTo(DataOutputView out) throws IOException {
        BinaryFields.writeStrings(group, out);
        out.writeLong(windowMillis);
        BinaryFields.writeString(factor.toString(), out);
        out.writeInt(minCount);
        if (baseline instanceof Baseline.PreviousWindows previous) {
            out.writeByte(PREVIOUS_WINDOWS);
            out.writeInt(previous.count());
        } else if (baseline instanceof Baseline.SameTimeOfDay sameTime) {
            out.writeByte(SAME_TIME_OF_DAY);
            out.writeInt(sameTime.days());
        }
        out.writeLong(historyFloor);
        out.writeLong(historyWindowStart);
        pending.writeTo(out);
        StateFields.writeCounts(counts, out);
        out.writeLong(currentWindow);
        out.writeInt(currentTarget);
        BinaryFields.writeStrings(currentIds, out);
        StateFields.writeEpisodeOrNull(open, out);
        out.writeLong(surgingUntil);
        out.writeLong(openLatest);
    }

    static SurgeEpisodes readFrom(DataInputView in) throws IOException {
        List<String> group = BinaryFields.readStrings(in);
        Duration window = Duration.ofMillis(in.readLong());
        BigDecimal factor = new BigDecimal(BinaryFields.readString(in));
        int minCount = in.readInt();
        byte baselineKind = in.readByte();
        Baseline baseline =
                switch (baselineKind) {
                    case PREVIOUS_WINDOWS -> new Baseline.PreviousWindows(in.readInt());
                    case SAME_TIME_OF_DAY -> new Baseline.SameTimeOfDay(in.readInt());
                    default -> throw new IOException("Unknown SURGE baseline " + baselineKind);
                };
        long historyFloor = in.readLong();
        long historyWindowStart = in.readLong();
        SurgeEpisodes state =
                new SurgeEpisodes(
                        group,
                        window,
                        factor,
                        minCount,
                        baseline,
                        historyFloor,
                        IncidentQueue.readFrom(in));
        state.historyWindowStart = historyWindowStart;
        StateFields.readCounts(state.counts, in);
        state.currentWindow = in.readLong();
        state.currentTarget = in.readInt();
        state.currentIds.addAll(BinaryFields.readStrings(in));
        state.open = StateFields.readEpisodeOrNull(in);
        state.surgingUntil = in.readLong();
        state.openLatest = in.readLong();
        return state;
    }
}
