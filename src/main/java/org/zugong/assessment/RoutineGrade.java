package org.zugong.assessment;

import java.util.Arrays;
import java.util.Optional;

/** 平时考核 grades, stored by their Chinese name; rank 1 is best. */
public enum RoutineGrade {
    好(1),
    较好(2),
    一般(3),
    较差(4);

    private final int rank;

    RoutineGrade(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public static Optional<RoutineGrade> of(String name) {
        return Arrays.stream(values()).filter(g -> g.name().equals(name)).findFirst();
    }
}
