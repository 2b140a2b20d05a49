package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.Batch;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class DocumentWriteQueueTest {

    private static final long NO_BYTE_LIMIT = Long.MAX_VALUE;

    @Test
    void writes_to_one_document_in_a_batch_are_coalesced_and_the_last_one_is_sent() {
        DocumentWriteQueue queue = new DocumentWriteQueue(NO_BYTE_LIMIT);
        queue.add(wrap(write("a", 1)), false);
        queue.add(wrap(write("b", 1)), false);
        queue.add(wrap(write("a", 2)), false);
        queue.add(wrap(write("a", 3)), false);

        Batch<ElasticsearchRequestEntry> batch = queue.createNextBatch(() -> 10, queue);

        assertThat(batch.getBatchEntries()).containsExactly(write("a", 3), write("b", 1));
        assertThat(batch.getSizeInBytes())
                .isEqualTo(write("a", 3).sizeInBytes() + write("b", 1).sizeInBytes());
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.totalSizeInBytes()).isZero();
    }

    @Test
    void the_batch_size_counts_coalesced_writes_too() {
        DocumentWriteQueue queue = new DocumentWriteQueue(NO_BYTE_LIMIT);
        queue.add(wrap(write("a", 1)), false);
        queue.add(wrap(write("a", 2)), false);
        queue.add(wrap(write("b", 1)), false);

        assertThat(queue.createNextBatch(() -> 2, queue).getBatchEntries())
                .containsExactly(write("a", 2));
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.peek().getRequestEntry()).isEqualTo(write("b", 1));
    }

    @Test
    void a_batch_stops_at_the_byte_limit_but_always_carries_one_write() {
        long oneWrite = write("a", 1).sizeInBytes();
        DocumentWriteQueue queue = new DocumentWriteQueue(2 * oneWrite + 1);
        for (String id : List.of("a", "b", "c")) {
            queue.add(wrap(write(id, 1)), false);
        }

        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries())
                .containsExactly(write("a", 1), write("b", 1));

        DocumentWriteQueue tiny = new DocumentWriteQueue(1);
        tiny.add(wrap(write("a", 1)), false);
        tiny.add(wrap(write("b", 1)), false);
        assertThat(tiny.createNextBatch(() -> 10, tiny).getBatchEntries())
                .containsExactly(write("a", 1));
    }

    @Test
    void a_document_with_a_write_in_flight_is_held_back_until_that_write_completes() {
        DocumentWriteQueue queue = new DocumentWriteQueue(NO_BYTE_LIMIT);
        queue.add(wrap(write("a", 1)), false);
        List<ElasticsearchRequestEntry> first =
                queue.createNextBatch(() -> 10, queue).getBatchEntries();
        queue.add(wrap(write("a", 2)), false);
        queue.add(wrap(write("b", 1)), false);

        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries())
                .containsExactly(write("b", 1));
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.hasSendable()).isFalse();
        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries()).isEmpty();

        queue.completed(first, List.of());

        assertThat(queue.hasSendable()).isTrue();
        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries())
                .containsExactly(write("a", 2));
    }

    @Test
    void a_retried_write_stays_in_flight_until_queued_again_then_the_newer_write_wins() {
        DocumentWriteQueue queue = new DocumentWriteQueue(NO_BYTE_LIMIT);
        queue.add(wrap(write("a", 1)), false);
        queue.add(wrap(write("b", 1)), false);
        List<ElasticsearchRequestEntry> first =
                queue.createNextBatch(() -> 10, queue).getBatchEntries();
        queue.add(wrap(write("a", 2)), false);
        queue.add(wrap(write("b", 2)), false);
        ElasticsearchRequestEntry retry = write("a", 1).afterFailedAttempt();

        queue.completed(first, List.of(retry));

        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries())
                .containsExactly(write("b", 2));
        assertThat(queue.hasSendable()).isFalse();

        queue.add(wrap(retry), true);

        assertThat(queue.peek().getRequestEntry()).isEqualTo(retry);
        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries())
                .containsExactly(write("a", 2));
    }

    @Test
    void a_retried_write_goes_out_alone_when_no_newer_write_is_queued() {
        DocumentWriteQueue queue = new DocumentWriteQueue(NO_BYTE_LIMIT);
        queue.add(wrap(write("a", 1)), false);
        List<ElasticsearchRequestEntry> first =
                queue.createNextBatch(() -> 10, queue).getBatchEntries();
        ElasticsearchRequestEntry retry = write("a", 1).afterFailedAttempt();
        queue.completed(first, List.of(retry));

        queue.add(wrap(retry), true);

        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries()).containsExactly(retry);
    }

    @Test
    void the_late_answer_of_a_timed_out_batch_does_not_free_the_resent_write() {
        DocumentWriteQueue queue = new DocumentWriteQueue(NO_BYTE_LIMIT);
        queue.add(wrap(write("a", 1)), false);
        List<ElasticsearchRequestEntry> timedOut =
                queue.createNextBatch(() -> 10, queue).getBatchEntries();
        queue.add(wrap(write("a", 1)), true); // the writer requeues a timed-out batch
        List<ElasticsearchRequestEntry> resent =
                queue.createNextBatch(() -> 10, queue).getBatchEntries();
        queue.add(wrap(write("a", 2)), false);

        queue.completed(timedOut, List.of());

        assertThat(queue.hasSendable()).isFalse();
        queue.completed(resent, List.of());
        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries())
                .containsExactly(write("a", 2));
    }

    @Test
    void the_checkpointed_state_is_every_queued_write_in_order_held_back_ones_included() {
        DocumentWriteQueue queue = new DocumentWriteQueue(NO_BYTE_LIMIT);
        queue.add(wrap(write("a", 1)), false);
        queue.createNextBatch(() -> 10, queue);
        queue.add(wrap(write("a", 2)), false);
        queue.add(wrap(write("b", 1)), false);
        queue.add(wrap(write("a", 3)), false);

        assertThat(queue.getBufferedState())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactly(write("a", 2), write("b", 1), write("a", 3));
        assertThat(queue.totalSizeInBytes()).isEqualTo(3 * write("a", 1).sizeInBytes());
        assertThat(queue.poll().getRequestEntry()).isEqualTo(write("a", 2));
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void a_lowered_byte_limit_holds_for_the_next_batches_and_never_rises_again() {
        long oneWrite = write("a", 1).sizeInBytes();
        DocumentWriteQueue queue = new DocumentWriteQueue(10 * oneWrite);
        for (String id : List.of("a", "b", "c", "d", "e")) {
            queue.add(wrap(write(id, 1)), false);
        }

        queue.limitBatchBytes(2 * oneWrite);
        queue.limitBatchBytes(100 * oneWrite);

        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries())
                .containsExactly(write("a", 1), write("b", 1));
        assertThat(queue.createNextBatch(() -> 10, queue).getBatchEntries())
                .containsExactly(write("c", 1), write("d", 1));
    }

    @Test
    void batches_come_from_the_queue_itself() {
        DocumentWriteQueue queue = new DocumentWriteQueue(NO_BYTE_LIMIT);

        assertThatThrownBy(() -> queue.createNextBatch(() -> 1, new DocumentWriteQueue(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static ElasticsearchRequestEntry write(String id, int version) {
        return new ElasticsearchRequestEntry(
                "index", id, ("{\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8));
    }

    static RequestEntryWrapper<ElasticsearchRequestEntry> wrap(ElasticsearchRequestEntry entry) {
        return new RequestEntryWrapper<>(entry, entry.sizeInBytes());
    }
}
