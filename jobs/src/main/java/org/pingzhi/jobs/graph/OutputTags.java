package org.pingzhi.jobs.graph;

import org.apache.flink.util.OutputTag;
import org.pingzhi.common.model.DeadLetter;

/**
 * The side output the graph gives the incident lifecycle; the sources' dead letters come out of
 * {@link org.pingzhi.jobs.normalize.DeadLetterSplit#DEAD_LETTERS}.
 */
public final class OutputTags {

    /** Records the lifecycle can no longer place, with the reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("lifecycle-dead-letters") {
                private static final long serialVersionUID = 1L;
            };

    private OutputTags() {}
}
