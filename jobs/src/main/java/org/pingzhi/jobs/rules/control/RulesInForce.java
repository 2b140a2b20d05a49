package org.pingzhi.jobs.rules.control;

import java.io.Serializable;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
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
 */
public final class RulesInForce implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The broadcast state every rule operator keeps the published version in. */
    public static final MapStateDescriptor<String, RulesVersion> STATE =
            new MapStateDescriptor<>(
                    "rules-in-force", Types.STRING, TypeInformation.of(RulesVersion.class));

    private static final String PUBLISHED = "published";

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

    /** Puts {@code version} in force; returns the rules it replaces. */
    public RulesFile replace(BroadcastState<String, RulesVersion> state, RulesVersion version)
            throws Exception {
        RulesFile before = get(state);
        state.put(PUBLISHED, version);
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
