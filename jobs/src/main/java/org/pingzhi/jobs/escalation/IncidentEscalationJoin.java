package org.pingzhi.jobs.escalation;

import java.util.Arrays;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.pingzhi.common.json.Times;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.AlertChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.lifecycle.IncidentChangeTypeInfo;

/**
 * Where what later stages find about an incident joins its document, keyed by incidentId, after the
 * lifecycle and before rendering (so the graph has no cycle): the lifecycle's changes in, each
 * incident document with the incident's latest {@link EscalationMarks} set; a new mark re-emits the
 * incident's last document with it. Every other change passes unchanged; SLA events and alerts also
 * go to their side outputs, typed, for later stages.
 *
 * <p>A HOTSPOT or REPEAT_CALLER episode marks an incident at the latest {@code markWindowMillis}
 * (the longest window of those rules) after its reportedAt, so the last document of every incident
 * is kept until the watermark passes that instant: a mark arriving after the incident's last change
 * still shows on its document. Escalated incidents keep their marks and last document.
 */
public class IncidentEscalationJoin
        extends KeyedCoProcessFunction<String, IncidentChange, EscalationMarks, IncidentChange> {

    public static final String UID = "incident-escalation-join";

    public static final String NAME = "Incident documents with escalations";

    /** The SLA events among the changes (emitted or withdrawn), for later stages. */
    public static final OutputTag<SlaEventChanged> SLA_DECISIONS =
            new OutputTag<>("sla-decisions", IncidentChangeTypeInfo.SLA_EVENTS) {
                private static final long serialVersionUID = 1L;
            };

    /** The escalation alerts among the changes (opened or resolved), for later stages. */
    public static final OutputTag<AlertChanged> ALERTS =
            new OutputTag<>("alerts", IncidentChangeTypeInfo.ALERTS) {
                private static final long serialVersionUID = 1L;
            };

    static final ValueStateDescriptor<EscalationMarks> MARKS =
            new ValueStateDescriptor<>(
                    "incident-escalation-marks", TypeInformation.of(EscalationMarks.class));

    static final ValueStateDescriptor<IncidentChange> MARKED_DOCUMENT =
            new ValueStateDescriptor<>("incident-marked-document", IncidentChangeTypeInfo.INSTANCE);

    /** The longest window of the HOTSPOT and REPEAT_CALLER rules in force; 0 without such. */
    private final long markWindowMillis;

    private transient ValueState<EscalationMarks> marks;
    private transient ValueState<IncidentChange> markedDocument;

    public IncidentEscalationJoin(long markWindowMillis) {
        this.markWindowMillis = markWindowMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        marks = getRuntimeContext().getState(MARKS);
        markedDocument = getRuntimeContext().getState(MARKED_DOCUMENT);
    }

    @Override
    public void processElement1(IncidentChange change, Context ctx, Collector<IncidentChange> out)
            throws Exception {
        if (change instanceof SlaEventChanged decision) {
            ctx.output(SLA_DECISIONS, decision);
        } else if (change instanceof AlertChanged alert) {
            ctx.output(ALERTS, alert);
        }
        if (!(change instanceof IncidentChanged incident)) {
            out.collect(change);
            return;
        }
        EscalationMarks current = marks.value();
        if (current != null) {
            markedDocument.update(incident);
            out.collect(marked(incident, current));
            return;
        }
        out.collect(change);
        long markable = markableUntil(incident);
        if (markable > ctx.timerService().currentWatermark()) {
            markedDocument.update(incident);
            ctx.timerService().registerEventTimeTimer(markable);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentChange> out)
            throws Exception {
        IncidentChange last = markedDocument.value();
        if (marks.value() == null
                && last != null
                && markableUntil((IncidentChanged) last) <= timestamp) {
            markedDocument.clear();
        }
    }

    /** The last instant a rule's episode can mark the incident (see the class comment). */
    private long markableUntil(IncidentChanged incident) {
        return markWindowMillis == 0
                ? Long.MIN_VALUE
                : Times.parseIso(incident.document().reportedAt()) + markWindowMillis;
    }

    @Override
    public void processElement2(EscalationMarks mark, Context ctx, Collector<IncidentChange> out)
            throws Exception {
        EscalationMarks current = marks.value();
        if (current != null
                && Arrays.equals(current.rules(), mark.rules())
                && current.level().equals(mark.level())) {
            return;
        }
        marks.update(mark);
        IncidentChange last = markedDocument.value();
        if (last != null) {
            out.collect(marked((IncidentChanged) last, mark));
        }
    }

    private static IncidentChanged marked(IncidentChanged incident, EscalationMarks mark) {
        return new IncidentChanged(
                incident.document().withRuleEscalation(Arrays.asList(mark.rules()), mark.level()),
                incident.eventTime());
    }
}
