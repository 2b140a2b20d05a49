package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WriteVersionClockTest {

    @Test
    void versions_follow_the_clock_and_always_increase_even_when_it_stands_or_steps_back() {
        AtomicLong micros = new AtomicLong(1_000);
        WriteVersionClock clock = new WriteVersionClock(micros::get);

        assertThat(clock.next()).isEqualTo(1_000);
        assertThat(clock.next()).isEqualTo(1_001);
        micros.set(5_000);
        assertThat(clock.next()).isEqualTo(5_000);
        micros.set(10);
        assertThat(clock.next()).isEqualTo(5_001);
    }

    @Test
    void versions_after_a_restore_exceed_the_restored_ones() {
        WriteVersionClock clock = new WriteVersionClock(() -> 1_000);

        clock.advancePast(7_000);

        assertThat(clock.next()).isEqualTo(7_001);
    }

    @Test
    void the_wall_clock_gives_epoch_microseconds() {
        long before = System.currentTimeMillis() * 1_000;

        long version = new WriteVersionClock().next();

        assertThat(version).isBetween(before, System.currentTimeMillis() * 1_000 + 1_000);
    }
}
