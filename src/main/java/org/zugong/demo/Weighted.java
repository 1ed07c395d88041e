package org.zugong.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A finite distribution: values with integer weights, drawn with a caller-supplied {@link Random} so
 * that the demo data stays reproducible.
 */
final class Weighted<T> {

    private final List<T> values;
    private final int[] cumulative;

    private Weighted(List<T> values, int[] cumulative) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a distribution needs at least one value");
        }
        this.values = values;
        this.cumulative = cumulative;
    }

    static <T> Weighted<T> of(Map<T, Integer> weights) {
        List<T> values = new ArrayList<>(weights.size());
        int[] cumulative = new int[weights.size()];
        int total = 0;
        for (Map.Entry<T, Integer> e : weights.entrySet()) {
            if (e.getValue() <= 0) {
                throw new IllegalArgumentException("weight of " + e.getKey() + " must be positive");
            }
            total += e.getValue();
            cumulative[values.size()] = total;
            values.add(e.getKey());
        }
        return new Weighted<>(List.copyOf(values), cumulative);
    }

    /** Alternating value, weight pairs: {@code of("21", 70, "14", 25)}. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... valueWeightPairs) {
        Map<T, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < valueWeightPairs.length; i += 2) {
            weights.put((T) valueWeightPairs[i], (Integer) valueWeightPairs[i + 1]);
        }
        return of(weights);
    }

    static <T> Weighted<T> uniform(List<T> values) {
        int[] cumulative = new int[values.size()];
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] = i + 1;
        }
        return new Weighted<>(List.copyOf(values), cumulative);
    }

    List<T> values() {
        return values;
    }

    T pick(Random random) {
        int r = random.nextInt(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > r) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return values.get(low);
    }
}
