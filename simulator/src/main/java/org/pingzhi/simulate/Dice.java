package org.pingzhi.simulate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulator's randomness. Everything is drawn through {@link SplittableRandom#nextLong()},
 * whose algorithm is specified, so a seed gives the same traffic on every JDK and machine.
 */
final class Dice {

    private final SplittableRandom random;

    Dice(long seed) {
        random = new SplittableRandom(seed);
    }

    /** A seed for another, independent {@code Dice}. */
    long nextSeed() {
        return random.nextLong();
    }

    /** Uniform in [0, 1). */
    double fraction() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return fraction() < probability;
    }

    /** Uniform in [0, size). */
    int index(int size) {
        return (int) (fraction() * size);
    }

    /** Uniform in [min, max], both included. */
    long between(long min, long max) {
        return min + (long) (fraction() * (max - min + 1));
    }

    /** A triangular distribution over [min, max] peaking at mode: most values near the mode. */
    long triangular(long min, long mode, long max) {
        double u = fraction();
        double split = (double) (mode - min) / (max - min);
        double value =
                u < split
                        ? min + Math.sqrt(u * (max - min) * (mode - min))
                        : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
        return Math.round(value);
    }

    /** {@code total} times a fraction drawn uniformly from [low, high), rounded. */
    long share(long total, double low, double high) {
        return Math.round(total * (low + fraction() * (high - low)));
    }

    <T> T pick(List<T> items) {
        return items.get(index(items.size()));
    }

    /** A string of {@code length} decimal digits. */
    String digits(int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + index(10)));
        }
        return digits.toString();
    }
}
