package org.pingzhi.jobs.graph;

import org.apache.flink.util.OutputTag;
import org.pingzhi.common.model.DeadLetter;

/** Every side output of the command-center graph, in one place. */
public final class OutputTags {

    /**
     * Records that failed their contract, and records the lifecycle can no longer place, with the
     * reason.
     */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters") {
                private static final long serialVersionUID = 1L;
            };

    private OutputTags() {}
}
