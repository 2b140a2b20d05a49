package org.pingzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchStagesTest {

    @Test
    void eachStageRunsFromOneMarkToTheNextOfTheSameIncident() {
        DispatchStages.Result result =
                DispatchStages.of(
                        Map.of("a", 1_000L, "b", 2_000L, "unpaged", 3_000L),
                        Map.of(
                                "a", new DispatchStages.Marks(1_100, 1_300, 1_600),
                                "b", new DispatchStages.Marks(2_200, 2_500, 2_900),
                                "unpaged", new DispatchStages.Marks(3_100, 3_200, 3_300)),
                        Map.of("a", 1_610L, "b", 2_930L));

        assertThat(result.stages().keySet())
                .containsExactly(
                        "emission -> dispatch hand-over",
                        "hand-over -> claimed",
                        "claimed -> HTTP request",
                        "HTTP request -> robot");
        assertThat(result.stages().get("emission -> dispatch hand-over"))
                .isEqualTo(new LatencySummary(2, 100, 200, 200));
        assertThat(result.stages().get("hand-over -> claimed"))
                .isEqualTo(new LatencySummary(2, 200, 300, 300));
        assertThat(result.stages().get("claimed -> HTTP request"))
                .isEqualTo(new LatencySummary(2, 300, 400, 400));
        assertThat(result.stages().get("HTTP request -> robot"))
                .isEqualTo(new LatencySummary(2, 10, 30, 30));
    }
}
