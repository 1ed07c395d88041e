package org.zugong.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Splits a whole number in proportion to weights, exactly (largest remainder method). */
record Apportionment(long[] shares) {

    static Apportionment of(double[] weights, long total) {
        double sum = Arrays.stream(weights).sum();
        long[] shares = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        int[] byRemainder = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> remainders[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; given < total; k++, given++) {
            shares[byRemainder[k % byRemainder.length]]++;
        }
        return new Apportionment(shares);
    }

    int share(int i) {
        return Math.toIntExact(shares[i]);
    }
}
