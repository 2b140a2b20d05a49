package org.pingzhi.jobs.escalation;

import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.pingzhi.common.json.Times;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.AlertChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.lifecycle.IncidentChangeTypeInfo;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;

/**
 * Where what later stages find about an incident joins its document, keyed by incidentId, after the
 * lifecycle and before rendering (so the graph has no cycle): the lifecycle's changes in, each
 * incident document with the incident's latest {@link EscalationMarks} set; a new mark re-emits the
 * incident's last document with it. Every other change passes unchanged; SLA events and alerts also
 * go to their side outputs, typed, for later stages. With rules in force, a document no rule holds
 * says so ({@code escalationRules} {@code []}, {@code ruleLevel} {@code NONE}); without, it carries
 * neither field: nothing was looked for.
 *
 * <p>State is bounded by a few instants per incident. A HOTSPOT or REPEAT_CALLER rule that counts
 * the incident says until when its episodes can take it ({@link EscalationMarks#markable}: a window
 * after its reportedAt, as the rule in force at its operator has it), on the marks' own path, ahead
 * of its marks; so the incident's last document is kept until the watermark passes that instant: a
 * mark arriving after the incident's last change still shows on it, whatever the rules in force
 * when it was counted. Until a rule says so, the document is kept for the start file's longest such
 * window after its reportedAt (or its own event time, if later): the rules count an incident at its
 * reportedAt and say so before the watermark passes it, and a document first seen behind the
 * watermark comes before any rule can say so (only a rule published with a longer window than the
 * start file's can then miss it). Its marks are kept while the lifecycle can still change its
 * document ({@link LifecycleSettings#documentChangesUntil}: until its summary goes), so every later
 * document shows them too. One timer per incident stands at the earliest of these instants.
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

    static final ValueStateDescriptor<IncidentChanged> MARKED_DOCUMENT =
            new ValueStateDescriptor<>(
                    "incident-marked-document", IncidentChangeTypeInfo.INCIDENTS);

    /** The latest instant the lifecycle may change the incident's document, of those seen. */
    static final ValueStateDescriptor<Long> CHANGES_UNTIL =
            new ValueStateDescriptor<>("incident-document-changes-until", Types.LONG);

    /** The instant of the incident's one timer. */
    static final ValueStateDescriptor<Long> WAKE_UP =
            new ValueStateDescriptor<>("incident-escalation-wake-up", Types.LONG);

    /** Until when a rule that counted the incident may still mark it, the latest said. */
    static final ValueStateDescriptor<Long> MARKABLE_UNTIL =
            new ValueStateDescriptor<>("incident-markable-until", Types.LONG);

    private static final EscalationMarks NO_MARKS =
            new EscalationMarks("", new String[0], EscalationMarks.NO_LEVEL);

    private transient ValueState<EscalationMarks> marks;
    private transient ValueState<IncidentChanged> markedDocument;
    private transient ValueState<Long> changesUntil;
    private transient ValueState<Long> wakeUp;
    private transient ValueState<Long> markableUntil;

    /** The longest window of the start file's HOTSPOT and REPEAT_CALLER rules, 0 without such. */
    private final long startWindowMillis;

    private final boolean rulesInForce;
    private final LifecycleSettings lifecycle;

    public IncidentEscalationJoin(
            long startWindowMillis, boolean rulesInForce, LifecycleSettings lifecycle) {
        this.startWindowMillis = startWindowMillis;
        this.rulesInForce = rulesInForce;
        this.lifecycle = lifecycle;
    }

    @Override
    public void open(OpenContext openContext) {
        marks = getRuntimeContext().getState(MARKS);
        markedDocument = getRuntimeContext().getState(MARKED_DOCUMENT);
        changesUntil = getRuntimeContext().getState(CHANGES_UNTIL);
        wakeUp = getRuntimeContext().getState(WAKE_UP);
        markableUntil = getRuntimeContext().getState(MARKABLE_UNTIL);
    }

    /**
     * Whether no rule of the run can ever mark an incident: a bounded run (a replay keeps its start
     * file's rules) whose start file has no HOTSPOT or REPEAT_CALLER rule. The join of such a run
     * keeps nothing and passes every change on as it comes: {@link PassThrough}, without a keyed
     * hop.
     */
    public static boolean marksNothing(long startWindowMillis, LifecycleSettings lifecycle) {
        return startWindowMillis == 0 && lifecycle.bounded();
    }

    @Override
    public void processElement1(IncidentChange change, Context ctx, Collector<IncidentChange> out)
            throws Exception {
        toSideOutputs(
                change,
                decision -> ctx.output(SLA_DECISIONS, decision),
                alert -> ctx.output(ALERTS, alert));
        if (!(change instanceof IncidentChanged incident)) {
            out.collect(change);
            return;
        }
        if (marksNothing(startWindowMillis, lifecycle)) {
            out.collect(unmarked(incident, rulesInForce));
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        EscalationMarks current = marks.value();
        out.collect(current != null ? marked(incident, current) : unmarked(incident, rulesInForce));
        if (keepUntil(incident) > watermark) {
            markedDocument.update(incident);
        } else {
            // No rule can mark it any more, and an earlier document kept is not its latest.
            markedDocument.clear();
        }
        if (current != null || markedDocument.value() != null) {
            Long changes = changesUntil.value();
            long documentChanges =
                    lifecycle.documentChangesUntil(
                            incident.document(), instantOf(ctx.timestamp(), watermark));
            changesUntil.update(
                    changes == null ? documentChanges : Math.max(changes, documentChanges));
        }
        keep(ctx.timerService());
    }

    @Override
    public void processElement2(EscalationMarks mark, Context ctx, Collector<IncidentChange> out)
            throws Exception {
        Long markable = markableUntil.value();
        if (mark.markableUntil() > (markable == null ? Long.MIN_VALUE : markable)) {
            markableUntil.update(mark.markableUntil());
        }
        EscalationMarks current = marks.value();
        EscalationMarks grown = current == null ? mark : current.with(mark);
        if (mark.none() || current != null && current.sameAs(grown)) {
            keep(ctx.timerService());
            return;
        }
        marks.update(grown);
        IncidentChanged last = markedDocument.value();
        if (last != null) {
            out.collect(marked(last, grown));
        }
        if (changesUntil.value() == null) {
            // No document of the incident seen yet: it is on its way (the mark was made from it)
            // and sets how long the marks are kept; until then, as long as a rule could mark it.
            long watermark = ctx.timerService().currentWatermark();
            Long until = markableUntil.value();
            long instant = instantOf(ctx.timestamp(), watermark);
            changesUntil.update(until == null ? instant : Math.max(instant, until));
        }
        keep(ctx.timerService());
    }

    /** An element's timestamp, or the watermark when it has none or that is later. */
    private static long instantOf(Long timestamp, long watermark) {
        return timestamp == null ? watermark : Math.max(timestamp, watermark);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentChange> out)
            throws Exception {
        wakeUp.clear();
        keep(ctx.timerService());
    }

    /**
     * Drops what no document or mark can need any more at the current watermark, and leaves one
     * timer at the next instant something else goes.
     */
    private void keep(TimerService timers) throws Exception {
        long watermark = timers.currentWatermark();
        Long markable = markableUntil.value();
        if (markable != null && markable <= watermark) {
            markableUntil.clear();
            markable = null;
        }
        IncidentChanged last = markedDocument.value();
        if (last != null && keepUntil(last) <= watermark) {
            markedDocument.clear();
            last = null;
        }
        Long changes = changesUntil.value();
        boolean marked = marks.value() != null && changes != null && changes > watermark;
        if (!marked) {
            marks.clear();
        }
        long until = last == null ? Long.MAX_VALUE : keepUntil(last);
        if (markable != null) {
            until = Math.min(until, markable);
        }
        if (marked) {
            until = Math.min(until, changes);
        }
        Long registered = wakeUp.value();
        if (registered != null && registered == until) {
            return;
        }
        if (registered != null) {
            timers.deleteEventTimeTimer(registered);
            wakeUp.clear();
        }
        if (until == Long.MAX_VALUE) {
            changesUntil.clear();
            return;
        }
        timers.registerEventTimeTimer(until);
        wakeUp.update(until);
    }

    /**
     * Until when the incident's last document is kept for marks still to come (see the class
     * comment).
     */
    private long keepUntil(IncidentChanged incident) throws Exception {
        Long markable = markableUntil.value();
        long counted =
                Math.max(
                        Times.parseIso(incident.document().reportedAt()) + startWindowMillis,
                        incident.eventTime());
        return markable == null ? counted : Math.max(counted, markable);
    }

    private static void toSideOutputs(
            IncidentChange change,
            Consumer<SlaEventChanged> decisions,
            Consumer<AlertChanged> alerts) {
        if (change instanceof SlaEventChanged decision) {
            decisions.accept(decision);
        } else if (change instanceof AlertChanged alert) {
            alerts.accept(alert);
        }
    }

    private static IncidentChange unmarked(IncidentChange change, boolean rulesInForce) {
        return change instanceof IncidentChanged incident
                ? unmarked(incident, rulesInForce)
                : change;
    }

    private static IncidentChanged unmarked(IncidentChanged incident, boolean rulesInForce) {
        return rulesInForce ? marked(incident, NO_MARKS) : incident;
    }

    private static IncidentChanged marked(IncidentChanged incident, EscalationMarks mark) {
        return new IncidentChanged(
                incident.document().withRuleEscalation(Arrays.asList(mark.rules()), mark.level()),
                incident.eventTime());
    }

    /**
     * The join of a run whose rules mark nothing ({@link #marksNothing}): every change as the join
     * emits it there, and the same side outputs, but unkeyed and stateless, so it chains to the
     * lifecycle instead of costing a keyed hop (serializing every change once more) per change.
     */
    public static final class PassThrough extends ProcessFunction<IncidentChange, IncidentChange> {

        private static final long serialVersionUID = 1L;

        public static final String UID = "incident-escalation-pass-through";

        private final boolean rulesInForce;

        /**
         * @param rulesInForce whether the run has rules (its documents then say that none holds
         *     them)
         */
        public PassThrough(boolean rulesInForce) {
            this.rulesInForce = rulesInForce;
        }

        @Override
        public void processElement(
                IncidentChange change, Context ctx, Collector<IncidentChange> out) {
            toSideOutputs(
                    change,
                    decision -> ctx.output(SLA_DECISIONS, decision),
                    alert -> ctx.output(ALERTS, alert));
            out.collect(unmarked(change, rulesInForce));
        }
    }
}
