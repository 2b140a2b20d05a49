package org.pingzhi.jobs.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.RulesFileParser;
import org.pingzhi.jobs.escalation.IncidentEscalationJoin;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.normalize.NormalizedRecords;
import org.pingzhi.jobs.rules.flow.FeedRecordRouting;
import org.pingzhi.jobs.rules.flow.IncidentRuleRouting;
import org.pingzhi.jobs.rules.flow.SlaDecisionRouting;
import org.pingzhi.jobs.sla.SlaPolicy;

/** Where the one graph definition puts its keyed hops, live and in a replay. */
class CommandCenterGraphTest {

    private static final long HORIZON = Duration.ofDays(400).toMillis();

    @Test
    void aReplayWhoseRulesMarkNothingPassesDocumentsOnWithoutTheKeyedJoin() {
        assertThat(jobVertexNames(LifecycleSettings.replay(HORIZON), RulesFile.NONE))
                .noneMatch(name -> name.startsWith(IncidentEscalationJoin.NAME))
                .anyMatch(
                        name ->
                                name.startsWith("Incident lifecycle")
                                        && name.contains(IncidentEscalationJoin.NAME));
    }

    @Test
    void aReplayWithoutRulesRoutesNoRecordNorChangeToRules() {
        assertThat(
                        String.join(
                                "\n",
                                jobVertexNames(LifecycleSettings.replay(HORIZON), RulesFile.NONE)))
                .doesNotContain(IncidentRuleRouting.NAME)
                .doesNotContain(SlaDecisionRouting.NAME)
                .doesNotContain(FeedRecordRouting.name(Source.HOTLINE_12345))
                .doesNotContain(FeedRecordRouting.name(Source.POLICE_110));
    }

    @Test
    void aReplayWithRulesThatMarkIncidentsJoinsTheirMarks() {
        List<String> names =
                jobVertexNames(LifecycleSettings.replay(HORIZON), RulesFileParser.loadDefault());
        assertThat(names).anyMatch(name -> name.startsWith(IncidentEscalationJoin.NAME));
        assertThat(String.join("\n", names))
                .contains(IncidentRuleRouting.NAME)
                .contains(SlaDecisionRouting.NAME)
                .contains(FeedRecordRouting.name(Source.HOTLINE_12345));
    }

    @Test
    void liveEveryDocumentGoesThroughTheJoinSinceAPublishedRuleMayMarkIt() {
        List<String> names = jobVertexNames(LifecycleSettings.live(), RulesFile.NONE);
        assertThat(names).anyMatch(name -> name.startsWith(IncidentEscalationJoin.NAME));
        assertThat(String.join("\n", names))
                .as("a rule published later finds the records and changes")
                .contains(IncidentRuleRouting.NAME)
                .contains(SlaDecisionRouting.NAME)
                .contains(FeedRecordRouting.name(Source.POLICE_110));
    }

    private static List<String> jobVertexNames(LifecycleSettings lifecycle, RulesFile rules) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<Either<UnifiedEvent, DeadLetter>> hotline =
                env.fromData(NormalizedRecords.TYPE, Either.Right(deadLetter()));
        DataStream<Either<UnifiedEvent, DeadLetter>> police =
                env.fromData(NormalizedRecords.TYPE, Either.Right(deadLetter()));
        CommandCenterGraph.build(
                        hotline,
                        police,
                        new CommandCenterSettings(
                                SlaPolicy.defaultPolicy(),
                                lifecycle,
                                rules,
                                0,
                                Duration.ofHours(1)))
                .allDocuments()
                .sinkTo(new DiscardingSink<>());
        Iterable<JobVertex> vertices = env.getStreamGraph().getJobGraph().getVertices();
        return StreamSupport.stream(vertices.spliterator(), false).map(JobVertex::getName).toList();
    }

    private static DeadLetter deadLetter() {
        return new DeadLetter(
                ReasonCode.INVALID_JSON,
                "not JSON",
                "police-110",
                0,
                1,
                "{",
                null,
                null,
                null,
                null);
    }
}
