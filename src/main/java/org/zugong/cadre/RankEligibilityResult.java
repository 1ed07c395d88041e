package org.zugong.cadre;

import java.time.LocalDate;
import java.util.List;

/**
 * 职级晋升资格审核结果.
 *
 * @param eligible             whether the candidate may be promoted on the date asked about
 * @param targetRank           拟晋升职级; {@code null} when the table names none for the current rank or post
 * @param monthsServed         任职月数 that count (Art.19: only years assessed 称职 or better)
 * @param monthsRequired       最低任职月数 after the 优秀 reductions (Art.18, Art.19)
 * @param earliestEligibleDate 最早可晋升日期 when not yet eligible, assuming every later year is assessed 称职;
 *                             {@code null} when eligible, or when no date can be given (不称职, an open-ended
 *                             restriction, no target rank)
 * @param reasons              explanations in Chinese, each citing its article
 * @param ruleSet              the rule set applied (职级规定2019)
 */
public record RankEligibilityResult(boolean eligible, Rank targetRank, int monthsServed, int monthsRequired,
                                    LocalDate earliestEligibleDate, List<String> reasons, String ruleSet) {

    public RankEligibilityResult {
        reasons = List.copyOf(reasons);
    }
}
