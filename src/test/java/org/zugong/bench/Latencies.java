package org.zugong.bench;

import java.util.Arrays;

/** Measured durations of one operation, with the order statistics the report needs. */
record Latencies(String name, long[] nanos) {

    Latencies {
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    double medianMs() {
        return percentileMs(50);
    }

    double p95Ms() {
        return percentileMs(95);
    }

    double p99Ms() {
        return percentileMs(99);
    }

    double maxMs() {
        return nanos[nanos.length - 1] / 1e6;
    }

    double meanMs() {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    /** Nearest-rank percentile. */
    double percentileMs(double p) {
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }

    static String header() {
        return "| operation | n | median ms | p95 ms | p99 ms | max ms | mean ms |\n|---|---:|---:|---:|---:|---:|---:|";
    }

    String row() {
        return String.format("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |", name, nanos.length, medianMs(), p95Ms(),
                p99Ms(), maxMs(), meanMs());
    }
}
