package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LifecycleMetricsTest {

    @Test
    void readsTheTypeOfAnSlaEventId() {
        assertThat(LifecycleMetrics.slaEventType("110-J330482202611280002:BREACH"))
                .isEqualTo("BREACH");
        assertThat(LifecycleMetrics.slaEventType("12345-PH1:ESCALATED:CITY"))
                .isEqualTo("ESCALATED");
        assertThat(LifecycleMetrics.slaEventType("no-type")).isEqualTo("UNKNOWN");
    }
}
