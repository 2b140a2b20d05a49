package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void the_backoff_doubles_from_the_initial_wait_up_to_the_cap_and_stays_there() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(policy.backoffMillis(1)).isEqualTo(100);
        assertThat(policy.backoffMillis(2)).isEqualTo(200);
        assertThat(policy.backoffMillis(4)).isEqualTo(800);
        assertThat(policy.backoffMillis(5)).isEqualTo(1000);
        assertThat(policy.backoffMillis(Integer.MAX_VALUE)).isEqualTo(1000);
    }

    @Test
    void nonsense_is_refused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1))
                                        .backoffMillis(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
