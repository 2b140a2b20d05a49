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
                                utf8("{\"summary\":\"新埭镇 路灯不亮，群众反映夜间出行不便\"}")),
                        new ElasticsearchRequestEntry(
                                        "pingzhi-metrics-2026.11.28",
                                        "1764296100000:330482101:110:TRAFFIC",
                                        utf8("{}"))
                                .afterFailedAttempt()
                                .afterFailedAttempt(),
                        new ElasticsearchRequestEntry("索引", "编号-1", new byte[0]));

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
        assertThat(restored.getBufferedRequestEntries().get(1).getRequestEntry().failedAttempts())
                .isEqualTo(2);
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
