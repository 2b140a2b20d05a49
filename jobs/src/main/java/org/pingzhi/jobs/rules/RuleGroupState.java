package org.pingzhi.jobs.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.pingzhi.common.rules.RuleEpisode;

/**
 * The window logic of one rule for one group, as a keyed operator holds it. Inputs are added with
 * the kind's own {@code add} method; {@link #advanceTo} then walks event time.
 *
 * <p>What the operator must guarantee: before {@code advanceTo(t)}, every input at or before {@code
 * t} has been added (in any order: inputs are buffered and walked in event-time order, ties as the
 * contract orders them). An input that would change what an advance already decided is late: {@code
 * add} refuses it (returns false) and the state is unchanged, so the outcome depends only on the
 * set of inputs and the instants advanced to, never on arrival order. For the counting kinds that
 * is an input at or before the last instant advanced to; BACKLOG moves a change of the open count
 * at or before the last minute end walked to the next one. In replay, never advance beyond the
 * horizon.
 *
 * <p>SURGE, BREACH_RATE and BACKLOG also take the operator's event time with each input (its
 * watermark, or after a restore the time its checkpoint had reached): an input is late by that time
 * as well, whether or not the state was walked there (or existed), so that what a late input
 * changes depends on the time it meets, not on which timers fired just before it.
 */
public interface RuleGroupState extends Serializable {

    /**
     * Walks every input and every instant that matters up to and including {@code t}; returns what
     * happened to episodes, in order of the instants they happened at.
     */
    List<EpisodeEvent> advanceTo(long t);

    /**
     * The earliest instant at which {@link #advanceTo} would do something without new input (for an
     * event-time timer), {@link Long#MAX_VALUE} when none.
     */
    long nextWakeUp();

    /**
     * The open episode, if any, resolved because its rule ends at {@code at} (a version that
     * changes or removes the rule came into force then), or at the latest instant it was found open
     * at if that is later: what its alert says last before the group's state is dropped.
     */
    Optional<RuleEpisode> endedAt(long at);

    /** Whether the group holds nothing: the operator may drop its state. */
    boolean isEmpty();
}
