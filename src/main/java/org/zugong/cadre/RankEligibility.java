package org.zugong.cadre;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * 职级晋升资格 (F14) under the 公务员职务与职级并行规定 (2019) Art.18–22. The numbers and article references
 * come from a {@link RankRuleSet}; this class implements the kinds of checks.
 *
 * <p>How service is counted (任职年限计算):
 * <ul>
 *   <li>Service is counted in full months from the start date: month <i>k</i> runs from
 *       {@code since.plusMonths(k)} to {@code since.plusMonths(k + 1)} and is complete on the latter day.</li>
 *   <li>Each full month belongs to the calendar year in which it starts, and counts only if that year's
 *       annual assessment is 优秀 or 称职 (Art.19). So a 基本称职, 不称职, 不定等次 or 未考核 year removes
 *       the months of that year actually served in the current rank — 12 for a whole year, fewer for a
 *       partial first or last year. A past year with no recorded result is treated as 未考核.</li>
 *   <li>Years not yet assessed (the year of the evaluation date and later) count provisionally.</li>
 *   <li>Each 优秀 year in which at least one full month of the current rank falls shortens the requirement
 *       by 6 months (Art.19), never below zero.</li>
 *   <li>Art.21: no promotion on a day covered by a 诫勉, 组织处理, 处分 or 立案审查 period.</li>
 *   <li>Art.22: a 不称职 result for the year before the evaluation date lowers the rank, so no promotion.</li>
 * </ul>
 */
public final class RankEligibility {

    private final RankRuleSet rules;

    public RankEligibility(RankRuleSet rules) {
        this.rules = rules;
    }

    /** With the default 职级规定2019 rule set. */
    public static RankEligibility standard() {
        return new RankEligibility(RankRuleSet.load());
    }

    /** Evaluates whether the candidate may be promoted to the next rank on {@code onDate}. */
    public RankEligibilityResult evaluate(RankCandidate candidate, LocalDate onDate) {
        Optional<RankPromotionRule> found = rules.ruleFrom(candidate.current());
        if (found.isEmpty()) {
            String reason = rules.minimumYearsArticle() + "：" + candidate.current().chineseName()
                    + "无规定的晋升职级";
            return new RankEligibilityResult(false, null, 0, 0, null, List.of(reason), rules.ruleSet());
        }
        RankPromotionRule rule = found.get();
        List<String> reasons = new ArrayList<>();
        int elapsed = completedMonths(candidate.since(), onDate);
        ServiceCount service = countService(candidate, onDate, elapsed, reasons);
        int required = Math.max(0, rule.minimumMonths() - service.excellentYears() * rules.excellentReductionMonths());
        reasons.addFirst(serviceReason(rule, service.countedMonths(), required));

        List<RankRestriction> blocking = blockingRestrictions(candidate, onDate, reasons);
        boolean demoted = demotedLastYear(candidate, onDate, reasons);
        boolean serviceMet = service.countedMonths() >= required;
        boolean eligible = serviceMet && blocking.isEmpty() && !demoted;

        LocalDate earliest = eligible || demoted ? null
                : earliestDate(candidate, onDate, elapsed + Math.max(0, required - service.countedMonths()), blocking);
        return new RankEligibilityResult(eligible, rule.target(), service.countedMonths(), required, earliest,
                reasons, rules.ruleSet());
    }

    /** Months counted and 优秀 years found in the current rank. */
    private record ServiceCount(int countedMonths, int excellentYears) {
    }

    private ServiceCount countService(RankCandidate candidate, LocalDate onDate, int elapsed, List<String> reasons) {
        Map<Integer, Integer> monthsPerYear = new TreeMap<>();
        for (int k = 0; k < elapsed; k++) {
            monthsPerYear.merge(candidate.since().plusMonths(k).getYear(), 1, Integer::sum);
        }
        int counted = 0;
        int excellent = 0;
        for (Map.Entry<Integer, Integer> entry : monthsPerYear.entrySet()) {
            int year = entry.getKey();
            int months = entry.getValue();
            Optional<RankAssessmentResult> result = candidate.assessment(year);
            if (result.isEmpty() && year >= onDate.getYear()) {
                reasons.add(rules.assessmentArticle() + "：" + year + "年度尚未考核，暂计入任职年限" + months + "个月");
                counted += months;
            } else if (result.orElse(RankAssessmentResult.未考核).countsTowardsService()) {
                counted += months;
                if (result.get() == RankAssessmentResult.优秀) {
                    excellent++;
                    reasons.add(rules.assessmentArticle() + "：" + year + "年度考核优秀，任职年限要求缩短"
                            + rules.excellentReductionMonths() + "个月");
                }
            } else {
                reasons.add(rules.assessmentArticle() + "：" + describe(year, result)
                        + "，该年度不计入任职年限（扣除" + months + "个月）");
            }
        }
        return new ServiceCount(counted, excellent);
    }

    private static String describe(int year, Optional<RankAssessmentResult> result) {
        if (result.isEmpty()) {
            return year + "年度无考核结果，按未考核处理";
        }
        return result.get() == RankAssessmentResult.未考核 ? year + "年度未考核" : year + "年度考核" + result.get();
    }

    private String serviceReason(RankPromotionRule rule, int counted, int required) {
        String from = String.join("或", rule.from().stream().map(RankPosition::chineseName).toList());
        return rule.article() + "：晋升" + rule.target().chineseName() + "须任" + from + "满" + rule.minimumYears()
                + "年；计入任职年限" + counted + "个月，需" + required + "个月，"
                + (counted >= required ? "已满足" : "尚差" + (required - counted) + "个月");
    }

    private List<RankRestriction> blockingRestrictions(RankCandidate candidate, LocalDate onDate,
                                                       List<String> reasons) {
        List<RankRestriction> blocking = candidate.restrictions().stream().filter(r -> r.covers(onDate)).toList();
        for (RankRestriction restriction : blocking) {
            String period = restriction.end() == null ? restriction.start() + "起，尚未结束"
                    : restriction.start() + "至" + restriction.end();
            reasons.add(rules.restrictionArticle() + "：" + restriction.kind() + "期间（" + period + "），不得晋升职级");
        }
        return blocking;
    }

    private boolean demotedLastYear(RankCandidate candidate, LocalDate onDate, List<String> reasons) {
        int lastYear = onDate.getYear() - 1;
        boolean demoted = candidate.assessment(lastYear).filter(r -> r == RankAssessmentResult.不称职).isPresent();
        if (demoted) {
            reasons.add(rules.demotionArticle() + "：" + lastYear + "年度考核不称职，应降低一个职级层次，不得晋升职级");
        }
        return demoted;
    }

    /**
     * The later of the day the service requirement is met (assuming later years count) and the day after
     * the last blocking restriction ends; {@code null} if a restriction has no end.
     */
    private static LocalDate earliestDate(RankCandidate candidate, LocalDate onDate, int monthsNeeded,
                                          List<RankRestriction> blocking) {
        LocalDate earliest = candidate.since().plusMonths(monthsNeeded);
        if (earliest.isBefore(onDate)) {
            earliest = onDate;
        }
        for (RankRestriction restriction : blocking) {
            if (restriction.end() == null) {
                return null;
            }
            LocalDate after = restriction.end().plusDays(1);
            if (after.isAfter(earliest)) {
                earliest = after;
            }
        }
        return earliest;
    }

    /** Full months from {@code since} to {@code onDate}: the largest k with since.plusMonths(k) ≤ onDate. */
    static int completedMonths(LocalDate since, LocalDate onDate) {
        if (onDate.isBefore(since)) {
            return 0;
        }
        int months = (int) ChronoUnit.MONTHS.between(since, onDate);
        while (months > 0 && since.plusMonths(months).isAfter(onDate)) {
            months--;
        }
        while (!since.plusMonths(months + 1).isAfter(onDate)) {
            months++;
        }
        return months;
    }
}
