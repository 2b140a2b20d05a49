package org.pingzhi.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The job's graph flushes its network buffers soon: a page waits for each exchange it crosses. */
class DispatchJobTest {

    private static Iterable<Long> bufferTimeouts(Map<String, String> options) {
        Map<String, String> all = new java.util.HashMap<>(options);
        all.put(DispatchOptions.ACK_SECRET.key(), "test-secret-0123456789");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DispatchJob.wire(env, Configuration.fromMap(all));
        return env.getStreamGraph().getStreamNodes().stream()
                .map(StreamNode::getBufferTimeout)
                .toList();
    }

    @Test
    void networkBuffersAreFlushedWithinTenMillisecondsByDefault() {
        assertThat(bufferTimeouts(Map.of())).isNotEmpty().containsOnly(10L);
    }

    @Test
    void theBufferTimeoutGivenWins() {
        assertThat(bufferTimeouts(Map.of("execution.buffer-timeout.interval", "50 ms")))
                .containsOnly(50L);
    }
}
