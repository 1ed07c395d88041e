package org.zugong.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.web.FieldErrors;

/**
 * The schemes as the rest of the assessment module uses them: which scheme applies to a unit on a day,
 * a scheme by id, and the weighted total of indicator scores.
 *
 * <p>No jurisdiction check here: callers reach a scheme through their own records (a period, a result)
 * and check those.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentSchemes {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SchemeRepository repository;
    private final Organizations organizations;

    AssessmentSchemes(SchemeRepository repository, Organizations organizations) {
        this.repository = repository;
        this.organizations = organizations;
    }

    /**
     * The scheme valid on {@code on} for this unit category and post type, owned by the nearest
     * organization on the path from {@code orgId} up to the root: the unit's own scheme wins over the
     * county's, which wins over the city's. Empty when none applies.
     */
    public Optional<Scheme> applicable(long orgId, SchemeUnitCategory unitCategory, SchemePostType postType, LocalDate on) {
        List<Long> path = organizations.ancestry(orgId).stream().map(OrganizationSummary::id).toList();
        List<Scheme> candidates = repository.validOn(path, unitCategory, postType, on);
        // Nearest owner first: the latest position on the path from the root down.
        return candidates.stream().max(Comparator.comparingInt((Scheme s) -> path.indexOf(s.orgId()))
                .thenComparing(Scheme::validFrom).thenComparingLong(Scheme::id));
    }

    /** A scheme with its indicators, in order. */
    public Optional<Scheme> find(long schemeId) {
        return repository.find(schemeId).map(SchemeRepository.Stored::scheme);
    }

    /**
     * Σ weight × score / 100, rounded half-up to 2 decimals. Every indicator needs a score within its
     * range (SCORE) or equal to one of its levels' scores (LEVELS); otherwise {@link FieldErrors} with
     * one message per indicator, on the field {@code scores[<indicator id>]}.
     */
    public BigDecimal weightedScore(Scheme scheme, Map<Long, BigDecimal> scores) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        BigDecimal total = BigDecimal.ZERO;
        List<Long> known = new ArrayList<>();
        for (Indicator i : scheme.indicators()) {
            known.add(i.id());
            BigDecimal score = scores == null ? null : scores.get(i.id());
            String field = "scores[" + i.id() + "]";
            if (score == null) {
                errors.add(field, "请为指标“" + i.name() + "”评分");
            } else if (!i.accepts(score)) {
                errors.add(field, i.method() == IndicatorMethod.SCORE
                        ? "指标“" + i.name() + "”的得分应在" + i.rangeText() + "之间，不能为" + score.stripTrailingZeros().toPlainString()
                        : "指标“" + i.name() + "”的得分应为其等级分值之一（" + i.rangeText() + "），不能为" + score.stripTrailingZeros().toPlainString());
            } else {
                total = total.add(i.weight().multiply(score));
            }
        }
        if (scores != null) {
            scores.keySet().stream().filter(id -> !known.contains(id)).sorted()
                    .forEach(id -> errors.add("scores[" + id + "]", "指标（编号 " + id + "）不属于方案“" + scheme.name() + "”"));
        }
        errors.throwIfAny();
        return total.divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
