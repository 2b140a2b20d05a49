package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.pingzhi.jobs.rules.control.RulesVersion;

/**
 * What the SURGE operator gets broadcast, one of two: a rules version that comes into force, or the
 * earliest reportedAt the routing has seen (the history start).
 *
 * @param version the version, or null
 * @param historyStart the reportedAt, or null
 */
public record SurgeInput(RulesVersion version, Long historyStart) {

    public static final TypeInformation<SurgeInput> TYPE = TypeInformation.of(SurgeInput.class);

    public static SurgeInput of(RulesVersion version) {
        return new SurgeInput(version, null);
    }

    public static SurgeInput historyStart(Long reportedAt) {
        return new SurgeInput(null, reportedAt);
    }
}
