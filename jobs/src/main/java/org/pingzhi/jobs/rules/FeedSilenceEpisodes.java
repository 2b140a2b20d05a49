package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.common.rules.ActiveHours;
import org.pingzhi.common.rules.FeedSilenceRule;
import org.pingzhi.common.rules.RuleEpisode;
import org.pingzhi.jobs.typeutils.BinaryFields;

/**
 * FEED_SILENCE for one source, or one source within one town (contract rules.md): after a record at
 * {@code a}, with the next at {@code b} (or none yet), the silence fires at the first instant
 * {@code f >= a + W} within the active hours with {@code f < b}, and is resolved at {@code b}. No
 * silence is judged before the first record. Only valid records are to be added: a dead-lettered
 * record is no sign of life.
 *
 * <p>State: the latest record time and the open silence, besides the not yet walked record times.
 */
public final class FeedSilenceEpisodes implements RuleGroupState {

    private static final long serialVersionUID = 1L;

    private final List<String> group;
    private final String townCode;
    private final long windowMillis;
    private final ActiveHours activeHours;

    private final TreeSet<Long> pending = new TreeSet<>();
    private long walkedTo = Long.MIN_VALUE;
    private Long lastRecord;
    private RuleEpisode open;

    public FeedSilenceEpisodes(FeedSilenceRule rule, List<String> group) {
        this(group, rule.townCode(), rule.window().toMillis(), rule.activeHours());
    }

    private FeedSilenceEpisodes(
            List<String> group, String townCode, long windowMillis, ActiveHours activeHours) {
        this.group = List.copyOf(group);
        this.townCode = townCode;
        this.windowMillis = windowMillis;
        this.activeHours = activeHours;
    }

    /** A valid record of the group at event time {@code at}; false (ignored) when it is late. */
    public boolean add(long at) {
        if (at <= walkedTo) {
            return false;
        }
        pending.add(at);
        return true;
    }

    @Override
    public List<EpisodeEvent> advanceTo(long t) {
        EpisodeEvents events = new EpisodeEvents();
        while (!pending.isEmpty() && pending.first() <= t) {
            long record = pending.pollFirst();
            fireDue(record - 1, events);
            if (open != null) {
                events.resolved(
                        new RuleEpisode(
                                group,
                                open.start(),
                                open.firedAt(),
                                townCode,
                                null,
                                open.windowStart(),
                                record,
                                null,
                                List.of(),
                                record));
                open = null;
            }
            lastRecord = record;
            walkedTo = record;
        }
        fireDue(t, events);
        walkedTo = Math.max(walkedTo, t);
        return events.list();
    }

    /** Fires the silence after the latest record if its instant is at or before {@code t}. */
    private void fireDue(long t, EpisodeEvents events) {
        if (lastRecord == null || open != null) {
            return;
        }
        long fires = firesAt();
        if (fires <= t) {
            open =
                    new RuleEpisode(
                            group,
                            fires,
                            fires,
                            townCode,
                            null,
                            lastRecord,
                            null,
                            null,
                            List.of(),
                            null);
            events.fired(open);
        }
    }

    private long firesAt() {
        return activeHours.firstAtOrAfter(lastRecord + windowMillis);
    }

    @Override
    public long nextWakeUp() {
        long next = pending.isEmpty() ? Long.MAX_VALUE : pending.first();
        if (lastRecord != null && open == null) {
            next = Math.min(next, firesAt());
        }
        return next;
    }

    /** Never once a record was seen: a silence is judged after every record, however long ago. */
    /**
     * Resolved no earlier than the silence fired; no record has ended it ({@code windowEnd} null).
     */
    @Override
    public Optional<RuleEpisode> endedAt(long at) {
        return Optional.ofNullable(open)
                .map(episode -> episode.resolvedAt(Math.max(at, episode.firedAt())));
    }

    @Override
    public boolean isEmpty() {
        return pending.isEmpty() && lastRecord == null;
    }

    void writeTo(DataOutputView out) throws IOException {
        BinaryFields.writeStrings(group, out);
        BinaryFields.writeString(townCode, out);
        out.writeLong(windowMillis);
        out.writeInt(activeHours.fromMinute());
        out.writeInt(activeHours.toMinute());
        out.writeInt(pending.size());
        for (long at : pending) {
            out.writeLong(at);
        }
        out.writeLong(walkedTo);
        BinaryFields.writeLongOrNull(lastRecord, out);
        StateFields.writeEpisodeOrNull(open, out);
    }

    static FeedSilenceEpisodes readFrom(DataInputView in) throws IOException {
        FeedSilenceEpisodes state =
                new FeedSilenceEpisodes(
                        BinaryFields.readStrings(in),
                        BinaryFields.readString(in),
                        in.readLong(),
                        new ActiveHours(in.readInt(), in.readInt()));
        for (int n = in.readInt(); n > 0; n--) {
            state.pending.add(in.readLong());
        }
        state.walkedTo = in.readLong();
        state.lastRecord = BinaryFields.readLongOrNull(in);
        state.open = StateFields.readEpisodeOrNull(in);
        return state;
    }
}
