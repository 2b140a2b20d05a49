package org.pingzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void nearestRankPercentilesOfAHundredSamples() {
        List<Long> shuffled =
                LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).boxed().toList();

        assertThat(LatencySummary.of(shuffled)).isEqualTo(new LatencySummary(100, 50, 99, 100));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(LatencySummary.of(List.of(7L))).isEqualTo(new LatencySummary(1, 7, 7, 7));
    }

    @Test
    void noSampleIsAnError() {
        assertThatThrownBy(() -> LatencySummary.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
