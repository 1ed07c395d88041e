package org.zugong.recruitment;

import java.time.LocalDate;
import java.util.List;

/**
 * What the checker found.
 *
 * @param ruleSet        the name of the rule set applied (细则2014)
 * @param violations     the rules broken, in step order
 * @param probationEnd   the last day of probation (null before the admission meeting)
 * @param fullMemberFrom the first day as a full member, the day after {@code probationEnd}, once the conversion is approved
 */
public record CheckResult(String ruleSet, List<Violation> violations, LocalDate probationEnd, LocalDate fullMemberFrom) {

    public CheckResult {
        violations = List.copyOf(violations);
    }

    /** One rule broken: its id, the article it enforces, a Chinese message naming the dates involved. */
    public record Violation(DevelopmentRule rule, String article, String message) {
    }

    public boolean hasViolation(DevelopmentRule rule) {
        return violations.stream().anyMatch(v -> v.rule() == rule);
    }
}
