package org.zugong.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of a scheme, in its order ({@code seq} from 1). {@code weight} is a percent; a SCORE
 * indicator takes a number in {@code minScore..maxScore}, a LEVELS indicator one of its levels' scores.
 */
public record Indicator(long id, int seq, String name, String description, BigDecimal weight, IndicatorMethod method,
                        BigDecimal minScore, BigDecimal maxScore, List<Level> levels) {

    public Indicator {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** Whether a score is allowed for this indicator: in range, or exactly one of the levels' scores. */
    public boolean accepts(BigDecimal score) {
        if (score == null) {
            return false;
        }
        return switch (method) {
            case SCORE -> score.compareTo(minScore) >= 0 && score.compareTo(maxScore) <= 0;
            case LEVELS -> levels.stream().anyMatch(l -> l.score().compareTo(score) == 0);
        };
    }

    /** What the indicator accepts, in Chinese: "0–100分" or "优秀=100；良好=85". */
    public String rangeText() {
        return switch (method) {
            case SCORE -> minScore.stripTrailingZeros().toPlainString() + "–" + maxScore.stripTrailingZeros().toPlainString() + "分";
            case LEVELS -> String.join("；", levels.stream().map(l -> l.name() + "=" + l.score().stripTrailingZeros().toPlainString()).toList());
        };
    }
}
