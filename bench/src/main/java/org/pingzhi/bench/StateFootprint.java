package org.pingzhi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.NormalizeResult;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChangeSerializer;
import org.pingzhi.jobs.lifecycle.IncidentLifecycleFunction;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.replay.JsonlLineReader;
import org.pingzhi.jobs.sla.SlaPolicy;

/**
 * The lifecycle state held per open incident: a sample of the input's records goes through the
 * lifecycle operator (Flink's keyed operator harness) without any watermark, so no deadline or
 * cleanup fires and every incident of the sample stays open; the keyed state of a snapshot
 * (records, emitted outputs, timers) divided by the number of incidents is the figure.
 */
final class StateFootprint {

    /** Lines taken from the start of each input file. */
    static final int SAMPLE_LINES_PER_FILE = 20_000;

    /** Bytes per open incident with the HashMap backend and with RocksDB (incremental, as live). */
    record Result(int openIncidents, long heapBytesPerIncident, long rocksDbBytesPerIncident) {}

    private StateFootprint() {}

    /** The accepted records of the first {@link #SAMPLE_LINES_PER_FILE} lines of each file. */
    static List<UnifiedEvent> sample(BenchInput input) throws IOException {
        List<UnifiedEvent> sample = new ArrayList<>();
        Normalizer normalizer = Normalizer.fromConfiguration(new Configuration());
        sample.addAll(acceptedRecords(input.hotline(), Source.HOTLINE_12345, normalizer));
        sample.addAll(acceptedRecords(input.police(), Source.POLICE_110, normalizer));
        return sample;
    }

    static Result measure(List<UnifiedEvent> sample, Path work) throws Exception {
        Set<String> incidents = new HashSet<>();
        sample.forEach(record -> incidents.add(record.incidentId()));
        Path checkpoints = work.resolve("state-footprint");
        try {
            long heap = keyedStateBytes(sample, new HashMapStateBackend(), checkpoints);
            long rocksDb =
                    keyedStateBytes(sample, new EmbeddedRocksDBStateBackend(true), checkpoints);
            return new Result(
                    incidents.size(), heap / incidents.size(), rocksDb / incidents.size());
        } finally {
            BenchInput.deleteRecursively(checkpoints);
        }
    }

    private static List<UnifiedEvent> acceptedRecords(
            Path file, Source source, Normalizer normalizer) throws IOException {
        List<UnifiedEvent> accepted = new ArrayList<>();
        try (JsonlLineReader reader = new JsonlLineReader(Files.newInputStream(file))) {
            for (JsonlLineReader.Line line = reader.next();
                    line != null && line.number() < SAMPLE_LINES_PER_FILE;
                    line = reader.next()) {
                if (normalizer.normalize(source, line.toRawRecord(source.defaultTopic()))
                        instanceof NormalizeResult.Accepted ok) {
                    accepted.add(ok.event());
                }
            }
        }
        return accepted;
    }

    private static long keyedStateBytes(
            List<UnifiedEvent> sample, StateBackend backend, Path checkpoints) throws Exception {
        return keyedStateBytes(
                sample,
                new IncidentLifecycleFunction(SlaPolicy.defaultPolicy(), LifecycleSettings.live()),
                backend,
                checkpoints);
    }

    private static long keyedStateBytes(
            List<UnifiedEvent> sample,
            KeyedProcessFunction<String, UnifiedEvent, IncidentChange> lifecycle,
            StateBackend backend,
            Path checkpoints)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, UnifiedEvent, IncidentChange> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(lifecycle),
                        UnifiedEvent::incidentId,
                        Types.STRING);
        try {
            useBackend(harness, backend, checkpoints);
            // else the harness takes the output serializer from the first change's class
            harness.setup(IncidentChangeSerializer.INSTANCE);
            harness.open();
            for (UnifiedEvent record : sample) {
                harness.processElement(record, record.eventTime());
            }
            return keyedStateBytes(harness);
        } finally {
            harness.close();
        }
    }

    /** Puts a harness, before it is set up, on {@code backend} with checkpoints on files. */
    static void useBackend(
            AbstractStreamOperatorTestHarness<?> harness, StateBackend backend, Path checkpoints) {
        harness.setStateBackend(backend);
        // on files: the in-memory checkpoint storage refuses state over a few MiB
        harness.setCheckpointStorage(
                new FileSystemCheckpointStorage(checkpoints.toUri().toString()));
    }

    /** The keyed state of a snapshot of the harness's operator, in bytes. */
    static long keyedStateBytes(AbstractStreamOperatorTestHarness<?> harness) throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        return snapshot.getManagedKeyedState().getStateSize()
                + snapshot.getRawKeyedState().getStateSize();
    }
}
