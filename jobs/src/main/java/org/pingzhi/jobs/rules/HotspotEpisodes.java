package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.common.rules.HotspotRule;
import org.pingzhi.common.rules.RepeatCallerRule;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.jobs.typeutils.BinaryFields;

/**
 * HOTSPOT and REPEAT_CALLER for one group (contract rules.md): walking the incidents in order of
 * (reportedAt, incidentId), an incident with no episode open opens one when at least {@code N}
 * incidents (ties at its reportedAt included) lie in {@code (t - W, t]}; the episode holds them and
 * fires at {@code t}; later incidents at {@code t < last + W} join it; it is resolved at {@code
 * last + W}.
 *
 * <p>State: the incidents of the last {@code W} and the open episode's incident ids (the alert
 * lists them all), besides the not yet walked inputs.
 */
public final class HotspotEpisodes implements RuleGroupState {

    private static final long serialVersionUID = 1L;

    private final List<String> group;
    private final int threshold;
    private final long windowMillis;

    private final IncidentQueue pending;
    private final ArrayDeque<CountedIncident> recent;
    private RuleEpisode open;
    private List<String> openIds;
    private long last;

    HotspotEpisodes(List<String> group, int threshold, Duration window) {
        this(group, threshold, window.toMillis(), new IncidentQueue(), new ArrayDeque<>());
    }

    private HotspotEpisodes(
            List<String> group,
            int threshold,
            long windowMillis,
            IncidentQueue pending,
            ArrayDeque<CountedIncident> recent) {
        this.group = List.copyOf(group);
        this.threshold = threshold;
        this.windowMillis = windowMillis;
        this.pending = pending;
        this.recent = recent;
    }

    public static HotspotEpisodes of(HotspotRule rule, List<String> group) {
        return new HotspotEpisodes(group, rule.threshold(), rule.window());
    }

    public static HotspotEpisodes of(RepeatCallerRule rule, List<String> group) {
        return new HotspotEpisodes(group, rule.threshold(), rule.window());
    }

    /** Counts the incident once; false (and nothing counted) when it is late. */
    public boolean add(RuleIncident incident) {
        return pending.offer(incident);
    }

    @Override
    public List<EpisodeEvent> advanceTo(long t) {
        EpisodeEvents events = new EpisodeEvents();
        for (Long at = pending.nextAtOrBefore(t); at != null; at = pending.nextAtOrBefore(t)) {
            resolveDue(at, events);
            List<CountedIncident> tied = new ArrayList<>();
            while (at.equals(pending.nextAtOrBefore(at))) {
                tied.add(pending.take());
            }
            forget(at);
            walk(at, tied, events);
            recent.addAll(tied);
        }
        resolveDue(t, events);
        forget(t);
        pending.walkedTo(t);
        return events.list();
    }

    private void walk(long at, List<CountedIncident> tied, EpisodeEvents events) {
        if (open != null) {
            tied.forEach(incident -> openIds.add(incident.incidentId()));
            last = at;
            events.updated(snapshot());
        } else if (recent.size() + tied.size() >= threshold) {
            openIds = new ArrayList<>();
            recent.forEach(incident -> openIds.add(incident.incidentId()));
            tied.forEach(incident -> openIds.add(incident.incidentId()));
            long start = recent.isEmpty() ? at : recent.peekFirst().reportedAt();
            CountedIncident firing = tied.get(0);
            last = at;
            open =
                    new RuleEpisode(
                            group,
                            start,
                            at,
                            firing.townCode(),
                            firing.category(),
                            start,
                            at,
                            (long) openIds.size(),
                            openIds,
                            null);
            events.fired(open);
        }
    }

    private RuleEpisode snapshot() {
        open =
                new RuleEpisode(
                        group,
                        open.start(),
                        open.firedAt(),
                        open.townCode(),
                        open.category(),
                        open.windowStart(),
                        last,
                        (long) openIds.size(),
                        openIds,
                        null);
        return open;
    }

    /** Resolves the open episode if {@code last + W} is at or before {@code t}. */
    private void resolveDue(long t, EpisodeEvents events) {
        if (open != null && last + windowMillis <= t) {
            events.resolved(open.resolvedAt(last + windowMillis));
            open = null;
            openIds = null;
        }
    }

    /** Drops the incidents no window {@code (t' - W, t']} with {@code t' >= t} can hold. */
    private void forget(long t) {
        while (!recent.isEmpty() && recent.peekFirst().reportedAt() <= t - windowMillis) {
            recent.pollFirst();
        }
    }

    /** Resolved no earlier than the latest reportedAt it holds. */
    @Override
    public Optional<RuleEpisode> endedAt(long at) {
        return Optional.ofNullable(open)
                .map(
                        episode ->
                                episode.resolvedAt(
                                        episode.windowEnd() == null
                                                ? at
                                                : Math.max(at, episode.windowEnd())));
    }

    @Override
    public long nextWakeUp() {
        long next = pending.nextAt();
        if (open != null) {
            next = Math.min(next, last + windowMillis);
        }
        if (!recent.isEmpty()) {
            next = Math.min(next, recent.peekFirst().reportedAt() + windowMillis);
        }
        return next;
    }

    @Override
    public boolean isEmpty() {
        return pending.isEmpty() && recent.isEmpty() && open == null;
    }

    /** Field by field, for {@link HotspotEpisodesSerializer}. */
    void writeTo(DataOutputView out) throws IOException {
        BinaryFields.writeStrings(group, out);
        out.writeInt(threshold);
        out.writeLong(windowMillis);
        pending.writeTo(out);
        StateFields.writeIncidents(recent, out);
        out.writeBoolean(open != null);
        if (open != null) {
            StateFields.writeEpisode(open, out);
            BinaryFields.writeStrings(openIds, out);
        }
        out.writeLong(last);
    }

    static HotspotEpisodes readFrom(DataInputView in) throws IOException {
        List<String> group = BinaryFields.readStrings(in);
        int threshold = in.readInt();
        long windowMillis = in.readLong();
        IncidentQueue pending = IncidentQueue.readFrom(in);
        ArrayDeque<CountedIncident> recent = new ArrayDeque<>(StateFields.readIncidents(in));
        HotspotEpisodes state =
                new HotspotEpisodes(group, threshold, windowMillis, pending, recent);
        if (in.readBoolean()) {
            state.open = StateFields.readEpisode(in);
            state.openIds = new ArrayList<>(BinaryFields.readStrings(in));
        }
        state.last = in.readLong();
        return state;
    }
}
