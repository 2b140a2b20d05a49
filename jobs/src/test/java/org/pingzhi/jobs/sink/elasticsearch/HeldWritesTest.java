package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.sink.elasticsearch.DocumentWriteQueueTest.write;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeldWritesTest {

    private final AtomicLong nowMillis = new AtomicLong(10_000);
    private final HeldWrites held = new HeldWrites(nowMillis::get);

    @Test
    void held_documents_are_counted_with_the_age_of_the_oldest_write_until_they_are_written() {
        ElasticsearchRequestEntry a = write("a", 1).withVersion(4_000_000);
        ElasticsearchRequestEntry b = write("b", 1).withVersion(7_000_000);
        ElasticsearchRequestEntry c = write("c", 1).withVersion(8_000_000);

        held.completed(List.of(a, b, c), heldOnly(a, b));

        assertThat(held.documents()).isEqualTo(2);
        assertThat(held.oldestAgeMillis()).isEqualTo(6_000);

        // a newer write to a, coalesced with the held one, is held in turn: a is stale since 4 s
        ElasticsearchRequestEntry newerA = write("a", 2).withVersion(9_000_000);
        held.completed(List.of(newerA), heldOnly(newerA));
        nowMillis.set(12_000);

        assertThat(held.oldestAgeMillis()).isEqualTo(8_000);

        held.completed(List.of(write("a", 2).withVersion(9_000_000), b), heldOnly());

        assertThat(held.documents()).isZero();
        assertThat(held.oldestAgeMillis()).isZero();
    }

    private static BulkOutcome heldOnly(ElasticsearchRequestEntry... entries) {
        List<ElasticsearchRequestEntry> retries =
                List.of(entries).stream()
                        .map(ElasticsearchRequestEntry::afterFailedAttempt)
                        .toList();
        return new BulkOutcome(
                0,
                0,
                retries,
                100,
                retries.isEmpty() ? null : "document answered 429",
                0,
                List.of(),
                null);
    }
}
