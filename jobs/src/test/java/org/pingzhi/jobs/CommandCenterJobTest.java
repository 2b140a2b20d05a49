package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class CommandCenterJobTest {

    @Test
    void splitsKeyedStateIntoAFixedNumberOfKeyGroups() {
        assertThat(maxParallelismOfTheJob(new Configuration())).isEqualTo(128);
        assertThat(
                        maxParallelismOfTheJob(
                                Configuration.fromMap(
                                        Map.of("pingzhi.state.max-parallelism", "720"))))
                .isEqualTo(720);
    }

    private static int maxParallelismOfTheJob(Configuration configuration) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CommandCenterJob.wire(env, configuration);
        return env.getMaxParallelism();
    }
}
