package org.zugong.supervision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The random spot-check draw, reproducible: the candidates in ascending person id order are shuffled
 * with {@link java.util.Random} seeded with the recorded seed (its algorithm is fixed by the Java
 * specification) and the first {@code size} are taken. Anyone with the seed and the candidate list
 * can redo the draw and get the same persons (public so that an auditor's tool or the demo data can redo it).
 */
public final class SpotCheckDraw {

    private SpotCheckDraw() {
    }

    /** The drawn person ids, ascending. */
    public static List<Long> draw(List<Long> candidates, long seed, int size) {
        List<Long> ordered = new ArrayList<>(candidates);
        Collections.sort(ordered);
        Collections.shuffle(ordered, new Random(seed));
        List<Long> drawn = new ArrayList<>(ordered.subList(0, Math.min(size, ordered.size())));
        Collections.sort(drawn);
        return List.copyOf(drawn);
    }
}
