package org.pingzhi.jobs.sink.elasticsearch;

import org.apache.flink.connector.base.sink.writer.strategy.AIMDScalingStrategy;
import org.apache.flink.connector.base.sink.writer.strategy.CongestionControlRateLimitingStrategy;
import org.apache.flink.connector.base.sink.writer.strategy.RateLimitingStrategy;
import org.apache.flink.connector.base.sink.writer.strategy.RequestInfo;
import org.apache.flink.connector.base.sink.writer.strategy.ResultInfo;

/**
 * Flink's default congestion control (in-flight request limit, batch size shrinking on failures,
 * growing on success), plus: no request while every queued write is held back behind a write in
 * flight to its document (see {@link DocumentWriteQueue}). Blocking makes the writer yield to the
 * completions of the requests in flight; without it the writer would spin on empty batches.
 */
final class DocumentOrderRateLimitingStrategy implements RateLimitingStrategy {

    private final RateLimitingStrategy congestionControl;
    private final DocumentWriteQueue queue;

    DocumentOrderRateLimitingStrategy(
            DocumentWriteQueue queue, int maxInFlightRequests, int maxBatchSize) {
        this.queue = queue;
        this.congestionControl =
                CongestionControlRateLimitingStrategy.builder()
                        .setMaxInFlightRequests(maxInFlightRequests)
                        .setInitialMaxInFlightMessages(maxBatchSize)
                        .setScalingStrategy(
                                AIMDScalingStrategy.builder(maxBatchSize * maxInFlightRequests)
                                        .build())
                        .build();
    }

    @Override
    public void registerInFlightRequest(RequestInfo requestInfo) {
        congestionControl.registerInFlightRequest(requestInfo);
    }

    @Override
    public void registerCompletedRequest(ResultInfo resultInfo) {
        congestionControl.registerCompletedRequest(resultInfo);
    }

    @Override
    public boolean shouldBlock(RequestInfo requestInfo) {
        return congestionControl.shouldBlock(requestInfo)
                || (!queue.isEmpty() && !queue.hasSendable());
    }

    @Override
    public int getMaxBatchSize() {
        return congestionControl.getMaxBatchSize();
    }
}
