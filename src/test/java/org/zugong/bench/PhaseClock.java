package org.zugong.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Times named phases and prints each as it ends, then a summary with the total. */
final class PhaseClock {

    record Phase(String name, Duration took) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private final long started = System.nanoTime();

    interface Work<T> {
        T run() throws Exception;
    }

    interface VoidWork {
        void run() throws Exception;
    }

    <T> T time(String name, Work<T> work) throws Exception {
        long t0 = System.nanoTime();
        T result = work.run();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        phases.add(new Phase(name, took));
        System.out.printf("[phase] %-44s %9.1f s%n", name, took.toMillis() / 1000.0);
        return result;
    }

    void time(String name, VoidWork work) throws Exception {
        time(name, () -> {
            work.run();
            return null;
        });
    }

    Duration total() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    List<Phase> phases() {
        return List.copyOf(phases);
    }

    void printSummary() {
        System.out.println();
        System.out.println("| phase | seconds |");
        System.out.println("|---|---:|");
        for (Phase p : phases) {
            System.out.printf("| %s | %.1f |%n", p.name(), p.took().toMillis() / 1000.0);
        }
        System.out.printf("| **total** | **%.1f** |%n", total().toMillis() / 1000.0);
    }
}
