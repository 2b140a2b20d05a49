package org.pingzhi.jobs.rules.control;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.RulesFileParser;

/**
 * The rules in force at a rule operator: the file loaded at start until a version is published,
 * then the last published version ({@link #STATE}, broadcast state, restored from a checkpoint, so
 * that after a restart the published version wins over the start file).
 *
 * <p>A rule operator is a {@code KeyedBroadcastProcessFunction} connected to the broadcast rules
 * stream; it calls {@link #get} wherever it needs the rules (elements, timers) and {@link #replace}
 * in {@code processBroadcastElement}.
 *
 * <p>Besides the version, {@link #SINCE} keeps per rule since when it is in force as it is now: the
 * ordinal of the version that brought it in that form (the start file's rules: 0), so that what was
 * counted for a rule can be told apart from what a changed rule of the same id counts, and the
 * instant that version came into force ({@link Long#MIN_VALUE} for the start file).
 */
public final class RulesInForce implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The broadcast state every rule operator keeps the published version in. */
    public static final MapStateDescriptor<String, RulesVersion> STATE =
            new MapStateDescriptor<>(
                    "rules-in-force", Types.STRING, TypeInformation.of(RulesVersion.class));

    /** The broadcast state of since when each rule is in force as it is. */
    public static final MapStateDescriptor<String, Long> SINCE =
            new MapStateDescriptor<>("rules-in-force-since", Types.STRING, Types.LONG);

    /** Every broadcast state of the rules stream, for its broadcast and the operators' tests. */
    public static final List<MapStateDescriptor<?, ?>> DESCRIPTORS = List.of(STATE, SINCE);

    private static final String PUBLISHED = "published";
    private static final String VERSIONS = "#versions";
    private static final String FROM = "@";

    private final RulesFile startFile;

    private transient RulesVersion parsedVersion;
    private transient RulesFile parsed;

    public RulesInForce(RulesFile startFile) {
        this.startFile = startFile;
    }

    /** The file loaded at start. */
    public RulesFile startFile() {
        return startFile;
    }

    /** The rules in force: the last published version, else the start file. */
    public RulesFile get(ReadOnlyBroadcastState<String, RulesVersion> state) throws Exception {
        RulesVersion published = state.get(PUBLISHED);
        return published == null ? startFile : parse(published);
    }

    /**
     * The ordinal of the version that brought the rule {@code ruleId} in force as it is (0: the
     * start file).
     */
    public static long generation(ReadOnlyBroadcastState<String, Long> since, String ruleId)
            throws Exception {
        Long generation = since.get(ruleId);
        return generation == null ? 0 : generation;
    }

    /** The ordinal of the version in force (0: the start file). */
    public static long generation(ReadOnlyBroadcastState<String, Long> since) throws Exception {
        return generation(since, VERSIONS);
    }

    /**
     * When the rule {@code ruleId} came into force as it is ({@link Long#MIN_VALUE}: with the start
     * file).
     */
    public static long inForceFrom(ReadOnlyBroadcastState<String, Long> since, String ruleId)
            throws Exception {
        Long from = since.get(FROM + ruleId);
        return from == null ? Long.MIN_VALUE : from;
    }

    /** Puts {@code version} in force; returns the rules it replaces. */
    public RulesFile replace(
            BroadcastState<String, RulesVersion> state,
            BroadcastState<String, Long> since,
            RulesVersion version)
            throws Exception {
        RulesFile before = get(state);
        state.put(PUBLISHED, version);
        RulesFile after = get(state);
        long generation = generation(since) + 1;
        since.put(VERSIONS, generation);
        for (Rule rule : before.rules()) {
            if (after.byId(rule.id()).isEmpty()) {
                since.remove(rule.id());
                since.remove(FROM + rule.id());
            }
        }
        for (Rule rule : after.rules()) {
            if (!before.byId(rule.id()).equals(Optional.of(rule))) {
                since.put(rule.id(), generation);
                since.put(FROM + rule.id(), version.inForceFrom());
            }
        }
        return before;
    }

    /** Parsed once per version and operator instance; the control stream validated it already. */
    private RulesFile parse(RulesVersion version) {
        if (!version.equals(parsedVersion)) {
            parsed =
                    RulesFileParser.standard()
                            .parse(version.json(), "version " + version.version());
            parsedVersion = version;
        }
        return parsed;
    }
}
