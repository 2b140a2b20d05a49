package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;

class LifecycleMetricsTest {

    /** Counters by their path below the lifecycle's group, e.g. {@code type=BREACH/slaEvents}. */
    private final Map<String, SimpleCounter> counters = new HashMap<>();

    private final LifecycleMetrics metrics = new LifecycleMetrics(new Recording(""));

    private final IncidentState state =
            IncidentFold.fold("110-J2", List.of(police("J2", "RECEIVED", minutes(0)).build()));

    private final SlaOutcome sla =
            SlaEvaluator.evaluate(state.slaInput(), minutes(10), minutes(25));

    @Test
    void countsSlaEventsByTypeButNotTheirRetractedCopies() {
        metrics.emitted(event(SlaFact.BREACH, false));
        metrics.emitted(event(SlaFact.ESCALATED_TOWN, false));
        metrics.emitted(event(SlaFact.BREACH, true));
        metrics.emitted(
                new IncidentChange.IncidentChanged(
                        OutputDocuments.incident(state, sla), minutes(10)));

        assertThat(counters)
                .containsOnlyKeys(
                        "incidentsStarted",
                        "incidentsCleanedUp",
                        "type=BREACH/slaEvents",
                        "type=ESCALATED/slaEvents");
        assertThat(counters.get("type=BREACH/slaEvents").getCount()).isEqualTo(1);
        assertThat(counters.get("type=ESCALATED/slaEvents").getCount()).isEqualTo(1);
    }

    private IncidentChange event(SlaFact fact, boolean retracted) {
        return new IncidentChange.SlaEventChanged(
                OutputDocuments.slaEvent(state, sla, fact, minutes(10), retracted),
                "P2",
                !retracted,
                minutes(10));
    }

    private final class Recording extends UnregisteredMetricsGroup {
        private final String prefix;

        Recording(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Counter counter(String name) {
            SimpleCounter counter = new SimpleCounter();
            counters.put(prefix + name, counter);
            return counter;
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return new Recording(prefix + key + "=" + value + "/");
        }
    }
}
