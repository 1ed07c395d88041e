package org.zugong.cadre;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 职级晋升对象: what the eligibility check needs to know about a civil servant.
 *
 * @param current      现任职务或职级
 * @param since        任现职务或职级时间 (start date)
 * @param assessments  年度考核结果 by year; a missing past year is read as {@link RankAssessmentResult#未考核}
 * @param restrictions 诫勉、组织处理、处分、立案审查 periods
 */
public record RankCandidate(RankPosition current, LocalDate since, Map<Integer, RankAssessmentResult> assessments,
                            List<RankRestriction> restrictions) {

    public RankCandidate {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(since, "since");
        assessments = Map.copyOf(assessments);
        restrictions = List.copyOf(restrictions);
    }

    /** The recorded result for a year, if any. */
    public Optional<RankAssessmentResult> assessment(int year) {
        return Optional.ofNullable(assessments.get(year));
    }
}
