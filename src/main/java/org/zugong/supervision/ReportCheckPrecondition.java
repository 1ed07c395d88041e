package org.zugong.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.zugong.cadre.PromotionPrecondition;

/**
 * 凡提必核 (选拔任用条例 Art.31; rules.md §5, §6): a promotion proposal needs a personal-matters check
 * result dated within the configured months before the proposal.
 */
@Component
class ReportCheckPrecondition implements PromotionPrecondition {

    private final SupervisionFacts facts;

    ReportCheckPrecondition(SupervisionFacts facts) {
        this.facts = facts;
    }

    @Override
    public Optional<String> refusal(long personId, LocalDate on) {
        int months = facts.checkValidMonths();
        var last = Optional.ofNullable(facts.reportChecks(List.of(personId)).get(personId));
        if (last.isEmpty()) {
            return Optional.of("凡提必核：该干部尚无个人有关事项报告核查结果，请先完成核查");
        }
        LocalDate checkedOn = last.get().checkedOn();
        if (checkedOn.plusMonths(months).isBefore(on)) {
            return Optional.of("凡提必核：该干部最近一次个人有关事项报告核查为" + checkedOn + "，已超过" + months + "个月，请先完成核查");
        }
        return Optional.empty();
    }
}
