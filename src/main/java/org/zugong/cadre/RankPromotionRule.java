package org.zugong.cadre;

import java.util.List;
import java.util.Objects;

/**
 * One row of the Art.18 table: 晋升 {@code target} 须任 {@code from} 之一满 {@code minimumYears} 年.
 *
 * @param target       the rank promoted to
 * @param from         the ranks or leading posts promoted from
 * @param minimumYears 最低任职年限
 * @param article      the article the row comes from (第十八条)
 */
public record RankPromotionRule(Rank target, List<RankPosition> from, int minimumYears, String article) {

    public RankPromotionRule {
        Objects.requireNonNull(target, "target");
        from = List.copyOf(from);
        Objects.requireNonNull(article, "article");
        if (from.isEmpty() || minimumYears <= 0) {
            throw new IllegalArgumentException("invalid promotion rule for " + target);
        }
    }

    public int minimumMonths() {
        return minimumYears * 12;
    }
}
