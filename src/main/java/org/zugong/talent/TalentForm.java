package org.zugong.talent;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The create/edit form of a registry record (page form and API body). {@code personId} is read on create
 * only; {@code orgId} is the employer unit (defaults to the person's unit); {@code version} is required on edit.
 */
public record TalentForm(Long personId, Long orgId, String tierCode, String category, String field, String employerName,
                         String introductionMode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate introducedOn,
                         TalentStatus status, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recognizedOn,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil, String note, Integer version) {

    static TalentForm empty(Long personId) {
        return new TalentForm(personId, null, null, null, null, null, "全职", null, TalentStatus.RECOGNIZED, null, null, null, null);
    }

    static TalentForm of(TalentSummary t) {
        return new TalentForm(t.personId(), t.orgId(), t.tierCode(), t.category(), t.field(), t.employerName(), t.introductionMode(),
                t.introducedOn(), t.status(), t.recognizedOn(), t.validUntil(), t.note(), t.version());
    }
}
