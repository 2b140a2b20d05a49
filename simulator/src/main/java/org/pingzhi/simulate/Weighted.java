package org.pingzhi.simulate;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Items drawn with probabilities proportional to their weights. */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] cumulative) {
        this.items = items;
        this.cumulative = cumulative;
    }

    static <T> Weighted<T> of(List<T> items, ToDoubleFunction<T> weight) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw from");
        }
        double[] cumulative = new double[items.size()];
        double total = 0;
        for (int i = 0; i < items.size(); i++) {
            double w = weight.applyAsDouble(items.get(i));
            if (!(w > 0)) {
                throw new IllegalArgumentException("weight must be positive: " + items.get(i));
            }
            total += w;
            cumulative[i] = total;
        }
        return new Weighted<>(List.copyOf(items), cumulative);
    }

    T pick(Dice dice) {
        double point = dice.fraction() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, point);
        int index = found >= 0 ? found + 1 : -found - 1;
        return items.get(Math.min(index, items.size() - 1));
    }

    List<T> items() {
        return items;
    }
}
