package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SIMULATED = 1_795_795_200_000L;
    private static final long WALL = 1_000_000L;

    @Test
    void atRealTimeASimulatedMinuteIsAWallMinute() {
        Pacer pacer = new Pacer(SIMULATED, WALL, 1);

        assertThat(pacer.millisUntilDue(SIMULATED + 60_000, WALL)).isEqualTo(60_000);
        assertThat(pacer.millisUntilDue(SIMULATED + 60_000, WALL + 59_000)).isEqualTo(1_000);
        assertThat(pacer.millisUntilDue(SIMULATED + 60_000, WALL + 61_000)).isZero();
        assertThat(pacer.simulatedAt(WALL + 30_000)).isEqualTo(SIMULATED + 30_000);
    }

    @Test
    void atSixtyTimesASimulatedHourIsAWallMinute() {
        Pacer pacer = new Pacer(SIMULATED, WALL, 60);

        assertThat(pacer.millisUntilDue(SIMULATED + 3_600_000, WALL)).isEqualTo(60_000);
        assertThat(pacer.simulatedAt(WALL + 60_000)).isEqualTo(SIMULATED + 3_600_000);
    }

    @Test
    void asFastAsPossibleNothingWaits() {
        Pacer pacer = new Pacer(SIMULATED, WALL, Double.POSITIVE_INFINITY);

        assertThat(pacer.millisUntilDue(SIMULATED + 86_400_000, WALL)).isZero();
    }

    @Test
    void recordsBeforeTheOriginAreDueAtOnce() {
        Pacer pacer = new Pacer(SIMULATED, WALL, 1);

        assertThat(pacer.millisUntilDue(SIMULATED - 5_000, WALL)).isZero();
    }

    @Test
    void notAheadOfTheWallClockItCatchesUpAtItsSpeedThenFollowsRealTime() {
        long now = SIMULATED;
        Pacer pacer = new Pacer(now - 3_600_000, now, 10).notAheadOfWallClock();

        // an hour behind: ten simulated minutes take one wall minute
        assertThat(pacer.millisUntilDue(now - 3_000_000, now)).isEqualTo(60_000);
        // caught up after 400 s: from then on a record waits for its own instant
        assertThat(pacer.millisUntilDue(now + 400_000 + 60_000, now)).isEqualTo(460_000);
        assertThat(pacer.simulatedAt(now + 600_000)).isEqualTo(now + 600_000);
        assertThat(pacer.simulatedAt(now + 60_000)).isEqualTo(now - 3_000_000);
    }

    @Test
    void asFastAsPossibleButNotAheadOfTheWallClockARecordWaitsForItsInstant() {
        Pacer pacer =
                new Pacer(SIMULATED - 86_400_000, SIMULATED, Double.POSITIVE_INFINITY)
                        .notAheadOfWallClock();

        assertThat(pacer.millisUntilDue(SIMULATED - 5_000, SIMULATED)).isZero();
        assertThat(pacer.millisUntilDue(SIMULATED + 5_000, SIMULATED)).isEqualTo(5_000);
    }
}
