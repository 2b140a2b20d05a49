package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinuteCountsTest {

    private static MinuteCounts responses(long... millis) {
        MinuteCounts counts = MinuteCounts.NONE;
        for (long each : millis) {
            counts = counts.plus(MinuteCounts.ofResponse(each)).plus(MinuteCounts.ofMet());
        }
        return counts;
    }

    @Test
    void sumAndMaximumComeFromTheResponsesExactly() {
        MinuteCounts counts = responses(300_001, 120_500, 599_999);

        assertThat(counts.responded()).isEqualTo(3);
        assertThat(counts.responseMillisSum()).isEqualTo(1_020_500);
        assertThat(counts.responseMillisMax()).isEqualTo(599_999);
    }

    @Test
    void withdrawingTheLongestResponseLowersTheMaximum() {
        MinuteCounts counts =
                responses(300_000, 420_000)
                        .minus(MinuteCounts.ofResponse(420_000).plus(MinuteCounts.ofMet()));

        assertThat(counts.responded()).isEqualTo(1);
        assertThat(counts.slaMet()).isEqualTo(1);
        assertThat(counts.responseMillisMax()).isEqualTo(300_000);
        assertThat(counts.responseMillisSum()).isEqualTo(300_000);
    }

    @Test
    void withdrawingOneOfTwoEqualResponsesKeepsTheOther() {
        MinuteCounts counts = responses(300_000, 300_000).minus(MinuteCounts.ofResponse(300_000));

        assertThat(counts.responseMillis()).containsExactly(300_000);
    }

    @Test
    void withdrawingEverythingLeavesOnlyZeros() {
        MinuteCounts booked =
                MinuteCounts.ofReported()
                        .plus(MinuteCounts.ofBreached())
                        .plus(MinuteCounts.ofResponse(700_000));

        MinuteCounts left = booked.withWritten(true).minus(booked);

        assertThat(left.isZero()).isTrue();
        assertThat(left.written()).isTrue();
        assertThat(left.responseMillisMax()).isNull();
    }
}
