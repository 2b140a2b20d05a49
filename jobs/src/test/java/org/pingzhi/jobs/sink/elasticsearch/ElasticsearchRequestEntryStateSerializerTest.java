package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class ElasticsearchRequestEntryStateSerializerTest {

    private final ElasticsearchRequestEntryStateSerializer serializer =
            new ElasticsearchRequestEntryStateSerializer();

    @Test
    void buffered_writes_survive_a_round_trip_in_order_with_their_sizes() throws IOException {
        List<ElasticsearchRequestEntry> entries =
                List.of(
                        new ElasticsearchRequestEntry(
                                        "pingzhi-incidents",
                                        "110-A20261128001",
                                        utf8("{\"summary\":\"新埭镇 路灯不亮，群众反映夜间出行不便\"}"))
                                .withVersion(1_764_296_100_000_001L),
                        new ElasticsearchRequestEntry(
                                        "pingzhi-metrics-2026.11.28",
                                        "1764296100000:330482101:110:TRAFFIC",
                                        utf8("{}"))
                                .withVersion(1_764_296_100_000_002L),
                        ElasticsearchRequestEntry.deletion("索引", "编号-1")
                                .withVersion(1_764_296_100_000_003L));

        BufferedRequestState<ElasticsearchRequestEntry> restored =
                serializer.deserialize(
                        serializer.getVersion(), serializer.serialize(state(entries)));

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactlyElementsOf(entries);
        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getSize)
                .containsExactlyElementsOf(
                        entries.stream().map(ElasticsearchRequestEntry::sizeInBytes).toList());
        assertThat(restored.getBufferedRequestEntries().get(0).getRequestEntry().source())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"summary\":\"新埭镇 路灯不亮，群众反映夜间出行不便\"}");
        assertThat(restored.getBufferedRequestEntries().get(2).getRequestEntry().version())
                .isEqualTo(1_764_296_100_000_003L);
    }

    @Test
    void a_held_write_comes_back_with_its_version_and_without_its_failed_attempts()
            throws IOException {
        ElasticsearchRequestEntry held =
                new ElasticsearchRequestEntry("pingzhi-incidents", "110-A1", utf8("{}"))
                        .withVersion(42)
                        .afterFailedAttempt()
                        .afterFailedAttempt();

        ElasticsearchRequestEntry restored =
                serializer
                        .deserialize(
                                serializer.getVersion(), serializer.serialize(state(List.of(held))))
                        .getBufferedRequestEntries()
                        .get(0)
                        .getRequestEntry();

        assertThat(restored.failedAttempts()).isZero();
        assertThat(restored.version()).isEqualTo(42);
    }

    @Test
    void a_state_of_version_1_is_read_without_failed_attempts_and_without_a_version()
            throws IOException {
        // what version 1 wrote for one write that had failed 7 times
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(entry)) {
            writeUtf8("pingzhi-incidents", out);
            writeUtf8("110-A1", out);
            out.writeInt(7);
            writeUtf8("{\"status\":\"REPORTED\"}", out);
        }
        ElasticsearchRequestEntry current =
                new ElasticsearchRequestEntry(
                        "pingzhi-incidents", "110-A1", utf8("{\"status\":\"REPORTED\"}"));
        byte[] versionOne =
                withEntryReplaced(
                        serializer.serialize(state(List.of(current.withVersion(1)))),
                        entry.toByteArray());

        List<RequestEntryWrapper<ElasticsearchRequestEntry>> restored =
                serializer.deserialize(1, versionOne).getBufferedRequestEntries();

        assertThat(restored)
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactly(current);
    }

    @Test
    void an_unknown_version_is_an_error() {
        assertThatThrownBy(() -> serializer.deserialize(3, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown version");
    }

    /**
     * A one-entry state in the base class's frame, that entry's bytes replaced by {@code entry}.
     */
    private static byte[] withEntryReplaced(byte[] oneEntryState, byte[] entry) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(oneEntryState));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(in.readLong()); // identifier
            out.writeInt(in.readInt()); // number of entries
            out.writeLong(in.readLong()); // size of the entry
            out.write(entry);
        }
        return bytes.toByteArray();
    }

    private static void writeUtf8(String text, DataOutputStream out) throws IOException {
        byte[] bytes = utf8(text);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Test
    void an_empty_buffer_round_trips() throws IOException {
        BufferedRequestState<ElasticsearchRequestEntry> restored =
                serializer.deserialize(
                        serializer.getVersion(), serializer.serialize(state(List.of())));

        assertThat(restored.getBufferedRequestEntries()).isEmpty();
    }

    @Test
    void a_corrupt_length_is_an_error_not_a_huge_allocation() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(-5);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

        assertThatThrownBy(() -> serializer.deserializeRequestFromStream(10, in))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("negative length");
    }

    private static BufferedRequestState<ElasticsearchRequestEntry> state(
            List<ElasticsearchRequestEntry> entries) {
        List<RequestEntryWrapper<ElasticsearchRequestEntry>> wrappers = new ArrayList<>();
        for (ElasticsearchRequestEntry entry : entries) {
            wrappers.add(new RequestEntryWrapper<>(entry, entry.sizeInBytes()));
        }
        return new BufferedRequestState<>(wrappers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
