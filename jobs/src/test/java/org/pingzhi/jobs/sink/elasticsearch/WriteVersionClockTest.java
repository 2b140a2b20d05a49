package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.sink.elasticsearch.DocumentWriteQueueTest.write;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class WriteVersionClockTest {

    @Test
    void versions_follow_the_clock_and_always_increase_even_when_it_stands_or_steps_back() {
        AtomicLong micros = new AtomicLong(1_000);
        WriteVersionClock clock = new WriteVersionClock(micros::get);

        assertThat(clock.next()).isEqualTo(1_000);
        assertThat(clock.next()).isEqualTo(1_001);
        micros.set(5_000);
        assertThat(clock.next()).isEqualTo(5_000);
        micros.set(10);
        assertThat(clock.next()).isEqualTo(5_001);
    }

    @Test
    void restored_writes_keep_their_versions_and_later_writes_exceed_them() {
        WriteVersionClock clock = new WriteVersionClock(() -> 1_000);
        List<ElasticsearchRequestEntry> writes =
                List.of(write("a", 1).withVersion(7_000), write("b", 1).withVersion(5_000));

        List<BufferedRequestState<ElasticsearchRequestEntry>> restored =
                clock.restore(List.of(state(writes)));

        assertThat(entries(restored)).containsExactlyElementsOf(writes);
        assertThat(clock.next()).isEqualTo(7_001);
    }

    @Test
    void writes_restored_without_versions_get_new_ones_in_their_order() {
        WriteVersionClock clock = new WriteVersionClock(() -> 1_000);

        List<BufferedRequestState<ElasticsearchRequestEntry>> restored =
                clock.restore(
                        List.of(
                                state(List.of(write("a", 1), write("b", 1).withVersion(3_000))),
                                state(List.of(write("c", 1)))));

        assertThat(entries(restored))
                .containsExactly(
                        write("a", 1).withVersion(3_001),
                        write("b", 1).withVersion(3_000),
                        write("c", 1).withVersion(3_002));
        assertThat(restored.get(0).getBufferedRequestEntries().get(0).getSize())
                .isEqualTo(write("a", 1).sizeInBytes());
    }

    @Test
    void the_wall_clock_gives_epoch_microseconds() {
        long before = System.currentTimeMillis() * 1_000;

        long version = new WriteVersionClock().next();

        assertThat(version).isBetween(before, System.currentTimeMillis() * 1_000 + 1_000);
    }

    private static BufferedRequestState<ElasticsearchRequestEntry> state(
            List<ElasticsearchRequestEntry> writes) {
        return new BufferedRequestState<>(
                writes.stream().map(DocumentWriteQueueTest::wrap).toList());
    }

    private static List<ElasticsearchRequestEntry> entries(
            List<BufferedRequestState<ElasticsearchRequestEntry>> states) {
        return states.stream()
                .flatMap(state -> state.getBufferedRequestEntries().stream())
                .map(RequestEntryWrapper::getRequestEntry)
                .toList();
    }
}
