package org.pingzhi.jobs.ack;

import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.pingzhi.common.output.AlertAcknowledgement;

/**
 * The keyed state of {@link AlertAcknowledgementFunction}, per alertId (Flink POJOs, no Kryo). An
 * alert is kept only while it is open; an acknowledgement while its alert is open, or, when it came
 * first, until {@link AckOptions#EARLY_ACK_RETENTION} has passed.
 */
public final class AckStateDescriptors {

    private AckStateDescriptors() {}

    public static final TypeInformation<AlertRevision> REVISION_TYPE =
            TypeInformation.of(AlertRevision.class);

    public static final TypeInformation<AlertAcknowledgement> ACK_TYPE =
            TypeInformation.of(AlertAcknowledgement.class);

    /** The open alert's last revision, to show it ACKED when its acknowledgement comes. */
    static final ValueStateDescriptor<AlertRevision> OPEN_ALERT =
            new ValueStateDescriptor<>("acknowledgement-open-alert", REVISION_TYPE);

    /** The first acknowledgement of the alert. */
    static final ValueStateDescriptor<AlertAcknowledgement> FIRST_ACK =
            new ValueStateDescriptor<>("acknowledgement-first", ACK_TYPE);

    /** When an acknowledgement that came before its alert is forgotten (processing time). */
    static final ValueStateDescriptor<Long> EARLY_ACK_EXPIRY =
            new ValueStateDescriptor<>("acknowledgement-early-expiry", Types.LONG);
}
