package org.zugong.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** A finite distribution: values with positive weights, drawn by binary search over the cumulative weights. */
final class Distribution<T> {

    private final List<T> values;
    private final double[] cumulative;

    private Distribution(List<T> values, double[] cumulative) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a distribution needs at least one value");
        }
        this.values = List.copyOf(values);
        this.cumulative = cumulative;
    }

    /** Alternating value, weight pairs: {@code of("21", 40, "31", 25)}. */
    @SuppressWarnings("unchecked")
    static <T> Distribution<T> of(Object... valueWeightPairs) {
        List<T> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < valueWeightPairs.length; i += 2) {
            values.add((T) valueWeightPairs[i]);
            weights.add(((Number) valueWeightPairs[i + 1]).doubleValue());
        }
        return weighted(values, weights);
    }

    static <T> Distribution<T> weighted(List<T> values, List<Double> weights) {
        double[] cumulative = new double[values.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            if (!(weights.get(i) > 0)) {
                throw new IllegalArgumentException("weight of " + values.get(i) + " must be positive");
            }
            total += weights.get(i);
            cumulative[i] = total;
        }
        return new Distribution<>(values, cumulative);
    }

    static <T> Distribution<T> uniform(List<T> values) {
        return weighted(values, values.stream().map(v -> 1.0).toList());
    }

    T pick(RandomGenerator random) {
        double r = random.nextDouble(cumulative[cumulative.length - 1]);
        int i = Arrays.binarySearch(cumulative, r);
        int index = i >= 0 ? i + 1 : -i - 1;
        return values.get(Math.min(index, values.size() - 1));
    }

    List<T> values() {
        return values;
    }
}
