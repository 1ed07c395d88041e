package org.zugong.talent;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new 认定申请 (page form and API body). {@code personId} and {@code orgId} (the employer unit, defaulting to
 * the person's unit) are read from staff only — a talent applies for itself, with its own unit; {@code appliedOn}
 * (a paper application received earlier) likewise, a talent's is today. {@code evidence} are items without files
 * (the API adds files with {@code POST …/{id}/evidence}).
 */
public record TalentApplicationForm(Long personId, Long orgId, String tierCode, String category, String field, String introductionMode,
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate introducedOn,
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appliedOn, String note,
                                    List<Evidence> evidence) {

    public TalentApplicationForm {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    static TalentApplicationForm empty(Long personId) {
        return new TalentApplicationForm(personId, null, null, null, null, "全职", null, null, null, List.of());
    }

    /** A 证明材料 item as entered: kind (学历学位/职称/奖项/专利/薪酬/其他) and description. */
    public record Evidence(String kind, String description) {
    }
}
