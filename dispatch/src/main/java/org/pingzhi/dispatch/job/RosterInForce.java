package org.pingzhi.dispatch.job;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.pingzhi.dispatch.roster.DutyRoster;

/**
 * The duty roster in force at a dispatch function: the start file until a roster is published, then
 * the last published one ({@link DispatchStateDescriptors#ROSTER_IN_FORCE}, broadcast state
 * restored from a checkpoint, so that after a restore the published roster wins over the start
 * file). Each version is parsed once per operator instance; the roster control validated it
 * already.
 */
final class RosterInForce {

    private static final String PUBLISHED = "published";

    private final RosterVersion startFile;
    private final DutyRoster startRoster;

    private RosterVersion parsedVersion;
    private DutyRoster parsed;

    RosterInForce(RosterVersion startFile) {
        this.startFile = startFile;
        this.startRoster = startFile.parse();
    }

    /** The version in force: the last published one, else the start file. */
    RosterVersion version(ReadOnlyBroadcastState<String, RosterVersion> state) throws Exception {
        RosterVersion published = state.get(PUBLISHED);
        return published == null ? startFile : published;
    }

    /** The roster of {@link #version}. */
    DutyRoster roster(RosterVersion version) {
        if (version == startFile) {
            return startRoster;
        }
        if (!version.equals(parsedVersion)) {
            parsed = version.parse();
            parsedVersion = version;
        }
        return parsed;
    }

    /** Puts {@code version} in force; returns the one it replaces. */
    RosterVersion replace(BroadcastState<String, RosterVersion> state, RosterVersion version)
            throws Exception {
        RosterVersion before = version(state);
        state.put(PUBLISHED, version);
        return before;
    }
}
