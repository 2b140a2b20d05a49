package org.pingzhi.jobs.graph;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.output.AlertAcknowledgement;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.ack.AckStateDescriptors;
import org.pingzhi.jobs.ack.AlertAcknowledgementFunction;
import org.pingzhi.jobs.ack.AlertRevision;
import org.pingzhi.jobs.escalation.EscalationMarks;
import org.pingzhi.jobs.escalation.IncidentEscalationJoin;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.AlertChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.lifecycle.IncidentLifecycleFunction;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.metrics.IncidentBookings;
import org.pingzhi.jobs.metrics.IncidentBookingsFunction;
import org.pingzhi.jobs.metrics.MetricsStateDescriptors;
import org.pingzhi.jobs.metrics.MinuteMetric;
import org.pingzhi.jobs.metrics.MinuteMetricDocument;
import org.pingzhi.jobs.metrics.MinuteMetricsFunction;
import org.pingzhi.jobs.normalize.DeadLetterSplit;
import org.pingzhi.jobs.rules.control.RulesControl;
import org.pingzhi.jobs.rules.control.RulesControlRecord;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.flow.BacklogRuleFunction;
import org.pingzhi.jobs.rules.flow.BreachRateRuleFunction;
import org.pingzhi.jobs.rules.flow.FeedRecordRouting;
import org.pingzhi.jobs.rules.flow.FeedSilenceRuleFunction;
import org.pingzhi.jobs.rules.flow.IncidentRuleFunction;
import org.pingzhi.jobs.rules.flow.IncidentRuleRouting;
import org.pingzhi.jobs.rules.flow.RoutedBacklogChange;
import org.pingzhi.jobs.rules.flow.RoutedDecision;
import org.pingzhi.jobs.rules.flow.RoutedIncident;
import org.pingzhi.jobs.rules.flow.RoutedRecord;
import org.pingzhi.jobs.rules.flow.RuleAlertChanged;
import org.pingzhi.jobs.rules.flow.RuleMark;
import org.pingzhi.jobs.rules.flow.RuleMarksFold;
import org.pingzhi.jobs.rules.flow.SlaDecisionRouting;
import org.pingzhi.jobs.rules.flow.SurgeInput;
import org.pingzhi.jobs.rules.flow.SurgeRuleFunction;

/**
 * The command-center graph between its edges, the one definition of live and replay: both sources'
 * normalized records in (accepted events or dead letters, see {@link
 * org.pingzhi.jobs.normalize.NormalizedRecords}), typed streams out, and the documents they render
 * to. The sources normalize and assign event time themselves, per partition. Live (Kafka,
 * Elasticsearch) and replay (files) attach different edges to this one graph; nothing in here knows
 * which one it is running in.
 *
 * <p>unified events → keyBy incident → lifecycle (incident changes, SLA decisions, alerts) → keyBy
 * incident → join with the escalations the incident rules find → render; lifecycle → keyBy incident
 * → once per incident to each HOTSPOT/REPEAT_CALLER rule's group → keyBy rule and group → episodes
 * (alerts, and marks folded per incident into the join), and likewise to each SURGE and BACKLOG
 * rule's group (SURGE also told the earliest reportedAt seen, broadcast); SLA decisions → keyBy
 * rule and town → BREACH_RATE; each source's valid records, before the union → keyBy rule and group
 * → FEED_SILENCE on that source's own watermark; the lifecycle's incident documents → bookings →
 * keyBy incident → booking changes → keyBy group → per-minute metrics → render; all alerts → keyBy
 * alertId → joined with the duty officers' acknowledgements → render. Every rule stage and routing
 * takes the rules in force (the start file, then each version published to the control stream,
 * broadcast). A bounded run keeps its start file's rules: without rules it builds no rule stage,
 * and when none of them can mark an incident its changes go on chained to the lifecycle instead of
 * through the keyed join (see {@link IncidentEscalationJoin#marksNothing}).
 */
public final class CommandCenterGraph {

    private CommandCenterGraph() {}

    /**
     * The graph without control records or acknowledgements (replay): the rules at start stay in
     * force, every alert as its producer made it.
     */
    public static CommandCenterStreams build(
            DataStream<Either<UnifiedEvent, DeadLetter>> hotline,
            DataStream<Either<UnifiedEvent, DeadLetter>> police,
            CommandCenterSettings settings) {
        // derived from a source, not a source of its own, so that time moves as it did before
        DataStream<AlertAcknowledgement> none =
                hotline.flatMap(CommandCenterGraph::noAcknowledgements)
                        .returns(AckStateDescriptors.ACK_TYPE)
                        .uid("no-acknowledgements")
                        .name("No acknowledgements");
        return build(hotline, police, RulesControl.none(hotline), none, settings);
    }

    private static void noAcknowledgements(
            Either<UnifiedEvent, DeadLetter> record, Collector<AlertAcknowledgement> out) {}

    /**
     * The live graph: each valid rules file among the control records replaces the rules in force
     * (see {@link RulesControl}); the duty officers' acknowledgements show on the alerts.
     */
    public static CommandCenterStreams build(
            DataStream<Either<UnifiedEvent, DeadLetter>> hotline,
            DataStream<Either<UnifiedEvent, DeadLetter>> police,
            DataStream<RulesControlRecord> rulesControlRecords,
            DataStream<AlertAcknowledgement> acknowledgements,
            CommandCenterSettings settings) {
        RulesControl rulesControl = RulesControl.of(rulesControlRecords, settings.rules());
        SingleOutputStreamOperator<UnifiedEvent> hotlineEvents =
                accepted(hotline, Source.HOTLINE_12345);
        SingleOutputStreamOperator<UnifiedEvent> policeEvents = accepted(police, Source.POLICE_110);
        // Each source's watermark is the minimum over its partitions; the lifecycle sees the
        // slower source, so a backlog on one topic is not turned into late records by the other.
        DataStream<UnifiedEvent> events = hotlineEvents.union(policeEvents);

        SingleOutputStreamOperator<IncidentChange> lifecycle =
                events.keyBy(UnifiedEvent::incidentId)
                        .process(
                                new IncidentLifecycleFunction(
                                        settings.slaPolicy(), settings.lifecycle()))
                        .uid(IncidentLifecycleFunction.UID)
                        .name(IncidentLifecycleFunction.NAME);

        DataStream<DeadLetter> deadLetters =
                hotlineEvents
                        .getSideOutput(DeadLetterSplit.DEAD_LETTERS)
                        .union(
                                policeEvents.getSideOutput(DeadLetterSplit.DEAD_LETTERS),
                                lifecycle.getSideOutput(IncidentLifecycleFunction.DEAD_LETTERS),
                                rulesControl.deadLetters());

        // From the lifecycle, not the escalation join: a rule's mark can reach an incident long
        // after its bookings went, and must not book it again as a new one.
        DataStream<MinuteMetric> metrics =
                minuteMetrics(lifecycle, settings.lifecycle(), settings.metricsLatenessMillis());

        RuleStages rules =
                neverFires(settings)
                        ? withoutRules(lifecycle, settings)
                        : ruleStages(
                                lifecycle, hotlineEvents, policeEvents, rulesControl, settings);
        SingleOutputStreamOperator<IncidentChange> changes = rules.changes();
        DataStream<RuleAlertChanged> ruleAlerts = rules.alerts();
        DataStream<AlertRevision> acknowledgedAlerts =
                changes.getSideOutput(IncidentEscalationJoin.ALERTS)
                        .map(AlertRevision::of)
                        .returns(AckStateDescriptors.REVISION_TYPE)
                        .uid("sla-alert-revisions")
                        .name("SLA alerts")
                        .union(
                                ruleAlerts
                                        .map(AlertRevision::of)
                                        .returns(AckStateDescriptors.REVISION_TYPE)
                                        .uid("rule-alert-revisions")
                                        .name("Rule alerts"))
                        .keyBy(AlertRevision::alertId)
                        .connect(acknowledgements.keyBy(AlertAcknowledgement::alertId))
                        .process(new AlertAcknowledgementFunction(settings.earlyAckRetention()))
                        .uid(AlertAcknowledgementFunction.UID)
                        .name(AlertAcknowledgementFunction.NAME);

        DataStream<Document> documents =
                changes.flatMap(CommandCenterGraph::renderAllButAlerts)
                        .uid("render-documents")
                        .name("Documents")
                        .union(
                                acknowledgedAlerts
                                        .map(AlertRevision::render)
                                        .uid("render-alerts")
                                        .name("Alert documents"),
                                metrics.map(MinuteMetricDocument::render)
                                        .uid("render-metric-documents")
                                        .name("Metric documents"),
                                rulesControl.auditDocuments());

        return new CommandCenterStreams(
                events,
                changes,
                changes.getSideOutput(IncidentEscalationJoin.SLA_DECISIONS),
                changes.getSideOutput(IncidentEscalationJoin.ALERTS),
                metrics,
                deadLetters,
                documents,
                ruleAlerts);
    }

    /** The incident changes with the rules' escalations joined, and the rules' alerts. */
    private record RuleStages(
            SingleOutputStreamOperator<IncidentChange> changes,
            DataStream<RuleAlertChanged> alerts) {}

    /**
     * Whether no rule can ever fire: a bounded run (a replay keeps its start file's rules) without
     * rules. It builds no rule stage, so its records and changes do not go through the routings'
     * hops to find no rule.
     */
    private static boolean neverFires(CommandCenterSettings settings) {
        return settings.lifecycle().bounded() && !rulesInForce(settings);
    }

    private static RuleStages withoutRules(
            SingleOutputStreamOperator<IncidentChange> lifecycle, CommandCenterSettings settings) {
        return new RuleStages(
                passedOn(lifecycle, settings),
                lifecycle
                        .flatMap(CommandCenterGraph::noRuleAlerts)
                        .returns(RuleAlertChanged.class)
                        .uid("no-rule-alerts")
                        .name("No rule alerts"));
    }

    private static void noRuleAlerts(IncidentChange change, Collector<RuleAlertChanged> out) {}

    /**
     * Every rule kind's stages: the incidents routed to each HOTSPOT/REPEAT_CALLER, SURGE and
     * BACKLOG rule's groups, the SLA decisions to BREACH_RATE, each source's records to
     * FEED_SILENCE; the incident rules' marks joined to the documents.
     */
    private static RuleStages ruleStages(
            SingleOutputStreamOperator<IncidentChange> lifecycle,
            SingleOutputStreamOperator<UnifiedEvent> hotlineEvents,
            SingleOutputStreamOperator<UnifiedEvent> policeEvents,
            RulesControl rulesControl,
            CommandCenterSettings settings) {
        SingleOutputStreamOperator<RoutedIncident> routed =
                lifecycle
                        .keyBy(IncidentChange::incidentId)
                        .connect(rulesControl.broadcast())
                        .process(
                                new IncidentRuleRouting(
                                        new RulesInForce(settings.rules()),
                                        settings.lifecycle().incidentLifetime()))
                        .uid(IncidentRuleRouting.UID)
                        .name(IncidentRuleRouting.NAME);
        SingleOutputStreamOperator<RuleAlertChanged> incidentRules =
                routed.keyBy(RoutedIncident::key)
                        .connect(rulesControl.broadcast())
                        .process(
                                new IncidentRuleFunction(
                                        new RulesInForce(settings.rules()),
                                        TownDirectory.standard(),
                                        settings.lifecycle().horizon()))
                        .uid(IncidentRuleFunction.UID)
                        .name(IncidentRuleFunction.NAME);
        SingleOutputStreamOperator<IncidentChange> changes =
                documentsWithEscalations(lifecycle, incidentRules, settings);

        DataStream<RuleAlertChanged> ruleAlerts =
                incidentRules.union(
                        surges(routed, rulesControl, settings),
                        backlogs(routed, rulesControl, settings),
                        breachRates(
                                changes.getSideOutput(IncidentEscalationJoin.SLA_DECISIONS),
                                rulesControl,
                                settings),
                        feedSilences(hotlineEvents, Source.HOTLINE_12345, rulesControl, settings),
                        feedSilences(policeEvents, Source.POLICE_110, rulesControl, settings));
        return new RuleStages(changes, ruleAlerts);
    }

    /**
     * The lifecycle's changes with what the incident rules find joined to its documents; in a run
     * whose rules mark nothing ({@link IncidentEscalationJoin#marksNothing}), the same changes
     * passed on chained to the lifecycle, without the keyed join.
     */
    private static SingleOutputStreamOperator<IncidentChange> documentsWithEscalations(
            SingleOutputStreamOperator<IncidentChange> lifecycle,
            SingleOutputStreamOperator<RuleAlertChanged> incidentRules,
            CommandCenterSettings settings) {
        long startWindowMillis = IncidentRuleFunction.longestWindowMillis(settings.rules());
        if (IncidentEscalationJoin.marksNothing(startWindowMillis, settings.lifecycle())) {
            return passedOn(lifecycle, settings);
        }
        DataStream<EscalationMarks> escalations =
                incidentRules
                        .getSideOutput(IncidentRuleFunction.MARKS)
                        .keyBy(RuleMark::incidentId)
                        .process(new RuleMarksFold())
                        .uid(RuleMarksFold.UID)
                        .name(RuleMarksFold.NAME);
        return lifecycle
                .keyBy(IncidentChange::incidentId)
                .connect(escalations.keyBy(EscalationMarks::incidentId))
                .process(
                        new IncidentEscalationJoin(
                                startWindowMillis, rulesInForce(settings), settings.lifecycle()))
                .uid(IncidentEscalationJoin.UID)
                .name(IncidentEscalationJoin.NAME);
    }

    /** The lifecycle's changes as the join of a run whose rules mark nothing emits them. */
    private static SingleOutputStreamOperator<IncidentChange> passedOn(
            SingleOutputStreamOperator<IncidentChange> lifecycle, CommandCenterSettings settings) {
        return lifecycle
                .process(new IncidentEscalationJoin.PassThrough(rulesInForce(settings)))
                .uid(IncidentEscalationJoin.PassThrough.UID)
                .name(IncidentEscalationJoin.NAME);
    }

    private static boolean rulesInForce(CommandCenterSettings settings) {
        return !RulesFile.NONE.equals(settings.rules());
    }

    private static DataStream<RuleAlertChanged> surges(
            SingleOutputStreamOperator<RoutedIncident> routed,
            RulesControl rulesControl,
            CommandCenterSettings settings) {
        DataStream<SurgeInput> broadcast =
                rulesControl
                        .versions()
                        .map(SurgeInput::of)
                        .returns(SurgeInput.TYPE)
                        .uid("surge-rules-versions")
                        .name("Rules versions for surge rules")
                        .union(
                                routed.getSideOutput(IncidentRuleRouting.HISTORY)
                                        .map(SurgeInput::historyStart)
                                        .returns(SurgeInput.TYPE)
                                        .uid("surge-history-start")
                                        .name("History start for surge rules"));
        return routed.getSideOutput(IncidentRuleRouting.SURGE)
                .keyBy(RoutedIncident::key)
                .connect(
                        broadcast.broadcast(
                                SurgeRuleFunction.BROADCAST_STATES.toArray(
                                        new MapStateDescriptor<?, ?>[0])))
                .process(
                        new SurgeRuleFunction(
                                new RulesInForce(settings.rules()),
                                TownDirectory.standard(),
                                settings.lifecycle().horizon()))
                .uid(SurgeRuleFunction.UID)
                .name(SurgeRuleFunction.NAME);
    }

    private static DataStream<RuleAlertChanged> backlogs(
            SingleOutputStreamOperator<RoutedIncident> routed,
            RulesControl rulesControl,
            CommandCenterSettings settings) {
        return routed.getSideOutput(IncidentRuleRouting.BACKLOG)
                .keyBy(RoutedBacklogChange::key)
                .connect(rulesControl.broadcast())
                .process(
                        new BacklogRuleFunction(
                                new RulesInForce(settings.rules()),
                                TownDirectory.standard(),
                                settings.lifecycle().horizon()))
                .uid(BacklogRuleFunction.UID)
                .name(BacklogRuleFunction.NAME);
    }

    private static DataStream<RuleAlertChanged> breachRates(
            DataStream<SlaEventChanged> slaDecisions,
            RulesControl rulesControl,
            CommandCenterSettings settings) {
        return slaDecisions
                .connect(rulesControl.broadcast())
                .process(new SlaDecisionRouting(new RulesInForce(settings.rules())))
                .uid(SlaDecisionRouting.UID)
                .name(SlaDecisionRouting.NAME)
                .keyBy(RoutedDecision::key)
                .connect(rulesControl.broadcast())
                .process(
                        new BreachRateRuleFunction(
                                new RulesInForce(settings.rules()),
                                TownDirectory.standard(),
                                settings.lifecycle().horizon()))
                .uid(BreachRateRuleFunction.UID)
                .name(BreachRateRuleFunction.NAME);
    }

    /**
     * The FEED_SILENCE rules of one source, on its valid records before the union: the operator's
     * clock is the source's own watermark.
     */
    private static DataStream<RuleAlertChanged> feedSilences(
            DataStream<UnifiedEvent> records,
            Source source,
            RulesControl rulesControl,
            CommandCenterSettings settings) {
        return records.connect(rulesControl.broadcast())
                .process(new FeedRecordRouting(new RulesInForce(settings.rules())))
                .uid(FeedRecordRouting.uid(source))
                .name(FeedRecordRouting.name(source))
                .keyBy(RoutedRecord::key)
                .connect(rulesControl.broadcast())
                .process(
                        new FeedSilenceRuleFunction(
                                new RulesInForce(settings.rules()),
                                TownDirectory.standard(),
                                settings.lifecycle().horizon()))
                .uid(FeedSilenceRuleFunction.uid(source))
                .name(FeedSilenceRuleFunction.name(source));
    }

    /**
     * Every incident document (live, or of a summary after cleanup) → what the incident books → its
     * changes per incident → the minutes of its group (see {@link org.pingzhi.jobs.metrics}).
     */
    private static DataStream<MinuteMetric> minuteMetrics(
            DataStream<IncidentChange> changes, LifecycleSettings lifecycle, long latenessMillis) {
        return changes.flatMap(
                        (IncidentChange change, Collector<IncidentBookings> out) ->
                                bookingsOf(change, lifecycle, out))
                .returns(MetricsStateDescriptors.BOOKINGS_TYPE)
                .uid("metrics-bookings-of-incidents")
                .name("Bookings of incidents")
                .keyBy(IncidentBookings::incidentId, Types.STRING)
                .process(new IncidentBookingsFunction())
                .returns(MetricsStateDescriptors.CHANGE_TYPE)
                .uid(IncidentBookingsFunction.UID)
                .name(IncidentBookingsFunction.NAME)
                .keyBy(change -> change.group().key(), Types.STRING)
                .process(new MinuteMetricsFunction(latenessMillis))
                .returns(MetricsStateDescriptors.METRIC_TYPE)
                .uid(MinuteMetricsFunction.UID)
                .name(MinuteMetricsFunction.NAME);
    }

    /** The alerts among the changes are rendered after their acknowledgements joined them. */
    private static void renderAllButAlerts(IncidentChange change, Collector<Document> out) {
        if (!(change instanceof AlertChanged)) {
            out.collect(change.render());
        }
    }

    private static void bookingsOf(
            IncidentChange change, LifecycleSettings lifecycle, Collector<IncidentBookings> out) {
        if (change instanceof IncidentChanged incident) {
            out.collect(
                    IncidentBookings.of(
                            incident.document(),
                            lifecycle.documentChangesUntil(
                                    incident.document(), incident.eventTime())));
        }
    }

    private static SingleOutputStreamOperator<UnifiedEvent> accepted(
            DataStream<Either<UnifiedEvent, DeadLetter>> normalized, Source source) {
        return normalized
                .process(new DeadLetterSplit(source))
                .uid("dead-letter-split-" + source.defaultTopic())
                .name("Dead letters " + source.code());
    }
}
