package org.pingzhi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    @Test
    void showsEveryFigureAndTheRateSinceThePreviousLine() {
        StatusLine previous = new StatusLine(1_000, 0, 0, 0, 0, 0);
        StatusLine now = new StatusLine(1_250, 42, 30, 4, 2, 1);

        assertThat(now.render(LocalTime.of(3, 0, 5), previous, 5.0))
                .isEqualTo(
                        "03:00:05  in 1,250 rec (50.0/s) | open incidents 42 | SLA today met 30"
                                + " breached 4 | open alerts 2 | dead letters 1");
    }

    @Test
    void theFirstLineHasNoRateYet() {
        assertThat(new StatusLine(10, 1, 0, 0, 0, 0).render(LocalTime.MIDNIGHT, null, 0))
                .contains("in 10 rec (0.0/s)");
    }
}
