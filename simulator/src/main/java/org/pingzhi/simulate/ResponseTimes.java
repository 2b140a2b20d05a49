package org.pingzhi.simulate;

/**
 * How long after the report an incident is responded to (on scene, or resolved by phone), in
 * seconds. Most within the 10-minute target, a realistic share late, some past twice the target
 * (escalated to the city).
 */
final class ResponseTimes {

    /** Share responded within the 600 s target. */
    static final double MET_SHARE = 0.905;

    /** Share responded after the target but within twice the target (escalated to the town). */
    static final double TOWN_SHARE = 0.07;

    private ResponseTimes() {}

    static long seconds(Dice dice) {
        double band = dice.fraction();
        if (band < MET_SHARE) {
            return dice.triangular(60, 300, 598);
        }
        if (band < MET_SHARE + TOWN_SHARE) {
            return dice.between(605, 1_195);
        }
        return dice.triangular(1_205, 1_500, 4_800);
    }
}
