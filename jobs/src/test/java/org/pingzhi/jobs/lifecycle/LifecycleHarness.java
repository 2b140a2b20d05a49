package org.pingzhi.jobs.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.sla.SlaPolicy;

/**
 * The lifecycle operator in Flink's keyed operator harness, with generic (Kryo) types disabled so
 * that a state type that is not a POJO fails the test.
 */
final class LifecycleHarness {

    private final KeyedOneInputStreamOperatorTestHarness<String, UnifiedEvent, IncidentChange>
            harness;
    private int drained;
    private long watermark = Long.MIN_VALUE;

    LifecycleHarness(LifecycleSettings settings) throws Exception {
        this(SlaPolicy.defaultPolicy(), settings, null);
    }

    LifecycleHarness(SlaPolicy policy, LifecycleSettings settings, OperatorSubtaskState restored)
            throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new IncidentLifecycleFunction(policy, settings)),
                        UnifiedEvent::incidentId,
                        Types.STRING);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig())
                .setGenericTypes(false);
        // the harness would otherwise take the output serializer from the first change's class
        harness.setup(IncidentChangeSerializer.INSTANCE);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
    }

    /**
     * Each record followed by the watermark again, as a stream's next watermark would come: the
     * operator judges a record when the watermark moves (see {@link #sendTogether}).
     */
    LifecycleHarness send(UnifiedEvent... records) throws Exception {
        for (UnifiedEvent record : records) {
            sendTogether(record);
            harness.processWatermark(watermark);
        }
        return this;
    }

    /** The records with no watermark between them nor after them. */
    LifecycleHarness sendTogether(UnifiedEvent... records) throws Exception {
        for (UnifiedEvent record : records) {
            harness.processElement(record, record.eventTime());
        }
        return this;
    }

    LifecycleHarness watermark(long instant) throws Exception {
        watermark = instant;
        harness.processWatermark(instant);
        return this;
    }

    /** Everything emitted since the last call, rendered as the edges render it. */
    List<Document> drain() {
        List<Document> all = documents();
        List<Document> fresh = new ArrayList<>(all.subList(drained, all.size()));
        drained = all.size();
        return fresh;
    }

    /** The last document emitted under each id, as a sink that upserts would hold them. */
    Map<String, Document> latest() {
        Map<String, Document> latest = new LinkedHashMap<>();
        for (Document document : documents()) {
            latest.put(document.kind() + "/" + document.id(), document);
        }
        return latest;
    }

    /** Everything emitted, typed. */
    List<IncidentChange> changes() {
        return harness.extractOutputValues();
    }

    private List<Document> documents() {
        return changes().stream().map(IncidentChange::render).toList();
    }

    JsonNode incident(String incidentId) {
        Document document = latest().get("INCIDENT/" + incidentId);
        if (document == null) {
            throw new AssertionError("No incident document for " + incidentId);
        }
        return json(document);
    }

    /** The records dead-lettered so far. */
    List<DeadLetter> deadLetters() {
        List<DeadLetter> letters = new ArrayList<>();
        if (harness.getSideOutput(IncidentLifecycleFunction.DEAD_LETTERS) != null) {
            harness.getSideOutput(IncidentLifecycleFunction.DEAD_LETTERS)
                    .forEach(r -> letters.add(r.getValue()));
        }
        return letters;
    }

    OperatorSubtaskState snapshot() throws Exception {
        return harness.snapshot(1, 1);
    }

    int stateEntries() {
        return harness.numKeyedStateEntries();
    }

    int timers() {
        return harness.numEventTimeTimers();
    }

    static JsonNode json(Document document) {
        try {
            return Json.mapper().readTree(document.json());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ids(List<Document> documents) {
        return documents.stream().map(document -> document.kind() + "/" + document.id()).toList();
    }

    void close() throws Exception {
        harness.close();
    }
}
