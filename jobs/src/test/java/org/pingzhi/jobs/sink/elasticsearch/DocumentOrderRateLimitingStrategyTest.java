package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.sink.elasticsearch.DocumentWriteQueueTest.wrap;
import static org.pingzhi.jobs.sink.elasticsearch.DocumentWriteQueueTest.write;

import java.util.List;
import org.apache.flink.connector.base.sink.writer.strategy.BasicRequestInfo;
import org.apache.flink.connector.base.sink.writer.strategy.BasicResultInfo;
import org.junit.jupiter.api.Test;

class DocumentOrderRateLimitingStrategyTest {

    private final DocumentWriteQueue queue = new DocumentWriteQueue(Long.MAX_VALUE);
    private final DocumentOrderRateLimitingStrategy strategy =
            new DocumentOrderRateLimitingStrategy(queue, 2, 10);

    @Test
    void blocks_while_every_queued_write_waits_for_its_document() {
        queue.add(wrap(write("a", 1)), false);
        List<ElasticsearchRequestEntry> inFlight =
                queue.createNextBatch(new BasicRequestInfo(1), queue).getBatchEntries();
        strategy.registerInFlightRequest(new BasicRequestInfo(1));
        queue.add(wrap(write("a", 2)), false);

        assertThat(strategy.shouldBlock(new BasicRequestInfo(1))).isTrue();

        queue.completed(inFlight, List.of());
        strategy.registerCompletedRequest(new BasicResultInfo(0, 1));

        assertThat(strategy.shouldBlock(new BasicRequestInfo(1))).isFalse();
    }

    @Test
    void an_empty_queue_does_not_block() {
        assertThat(strategy.shouldBlock(new BasicRequestInfo(0))).isFalse();
    }

    @Test
    void keeps_the_in_flight_request_limit() {
        queue.add(wrap(write("a", 1)), false);
        strategy.registerInFlightRequest(new BasicRequestInfo(1));
        strategy.registerInFlightRequest(new BasicRequestInfo(1));

        assertThat(strategy.shouldBlock(new BasicRequestInfo(1))).isTrue();
        assertThat(strategy.getMaxBatchSize()).isEqualTo(10);
    }
}
