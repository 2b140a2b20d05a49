package org.pingzhi.dispatch.job;

import org.apache.flink.util.OutputTag;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.dispatch.ack.Acknowledgement;

/** The side outputs of the dispatch job's operators. */
public final class DispatchOutputs {

    /**
     * Alert documents and acknowledgements that cannot be read, and rosters that do not validate,
     * with the reason.
     */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dispatch-dead-letters") {};

    /** Every acknowledgement the dispatch function saw, for the audit. */
    public static final OutputTag<Acknowledgement> ACKS_SEEN =
            new OutputTag<>("dispatch-acks-seen") {};

    /** Each roster version as it comes into force at a dispatch function, for the audit. */
    public static final OutputTag<RosterVersion> ROSTERS_IN_FORCE =
            new OutputTag<>("dispatch-rosters-in-force") {};

    private DispatchOutputs() {}
}
