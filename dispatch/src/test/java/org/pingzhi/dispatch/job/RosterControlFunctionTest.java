package org.pingzhi.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.dispatch.roster.SampleRoster;

class RosterControlFunctionTest {

    static final long PUBLISHED_AT = 1_764_554_400_000L;

    /** The sample roster with 当湖街道's CRITICAL duty paging the ops webhook instead. */
    static final String CHANGED =
            Json.toString(SampleRoster.withDutyChannels("330482001", "CRITICAL", "ops-webhook"));

    private KeyedOneInputStreamOperatorTestHarness<String, KafkaMessage, RosterVersion> harness;
    private long offset;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static KeyedOneInputStreamOperatorTestHarness<String, KafkaMessage, RosterVersion> newHarness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new RosterControlFunction(DispatchFunctionTest.SETTINGS)),
                message -> RosterControlFunction.KEY,
                Types.STRING);
    }

    private void publish(String text) throws Exception {
        harness.processElement(
                new StreamRecord<>(
                        new KafkaMessage(
                                "pingzhi-roster",
                                0,
                                offset++,
                                text.getBytes(StandardCharsets.UTF_8),
                                PUBLISHED_AT)));
    }

    private List<RosterVersion> inForce() {
        List<RosterVersion> versions =
                harness.extractOutputValues().stream().map(RosterVersion.class::cast).toList();
        harness.getOutput().clear();
        return versions;
    }

    private List<DeadLetter> deadLetters() {
        return harness.getSideOutput(DispatchOutputs.DEAD_LETTERS) == null
                ? List.of()
                : harness.getSideOutput(DispatchOutputs.DEAD_LETTERS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
    }

    @Test
    void aValidChangedRosterComesIntoForce() throws Exception {
        publish(CHANGED);

        assertThat(inForce())
                .singleElement()
                .satisfies(
                        version -> {
                            assertThat(version.json()).isEqualTo(CHANGED);
                            assertThat(version.version())
                                    .isEqualTo(RosterVersion.versionOf(CHANGED))
                                    .hasSize(12);
                            assertThat(version.origin()).isEqualTo("pingzhi-roster:0:0");
                            assertThat(version.inForceFrom()).isEqualTo(PUBLISHED_AT);
                        });
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void anInvalidRosterIsRejectedWithADeadLetterNamingTheProblemAndNoSecret() throws Exception {
        ObjectNode broken = SampleRoster.withDutyChannels("330482001", "CRITICAL", "no-such-robot");
        publish(Json.toString(broken));
        publish("{not json");

        assertThat(inForce()).isEmpty();
        assertThat(deadLetters()).hasSize(2);
        DeadLetter rejected = deadLetters().get(0);
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INVALID_ROSTER);
        assertThat(rejected.message()).contains("no-such-robot").contains("pingzhi-roster:0:0");
        assertThat(rejected.offset()).isZero();
        // the file holds the robots' webhooks and secrets: the dead letter does not carry it
        assertThat(rejected.value()).isNull();
        assertThat(rejected.valueBase64()).isNull();
        assertThat(deadLetters().get(1).message()).contains("not JSON");
    }

    @Test
    void theRosterInForcePublishedAgainChangesNothing() throws Exception {
        publish(SampleRoster.json());
        publish(CHANGED);
        publish(CHANGED);

        assertThat(inForce()).extracting(RosterVersion::json).containsExactly(CHANGED);
    }

    @Test
    void theVersionInForceSurvivesARestore() throws Exception {
        publish(CHANGED);
        inForce();
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        publish(CHANGED);
        publish(SampleRoster.json());

        assertThat(inForce()).extracting(RosterVersion::json).containsExactly(SampleRoster.json());
    }
}
