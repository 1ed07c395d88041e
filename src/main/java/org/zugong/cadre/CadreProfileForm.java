package org.zugong.cadre;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The cadre-level facts and the printed fields of the 任免审批表, as edited on the cadre page or sent
 * to the API. The resume is edited as the form prints it: one period per line, {@code yyyy.MM--yyyy.MM  text}.
 */
public record CadreProfileForm(Long orgId, String category, String jobClass, String managementLevel, String retirementGroup,
                               String birthPlace, String health, String partyJoinText, String professionalTitle,
                               String specialty, String currentPostText, String proposedPost, String proposedRemoval,
                               String rewardsText, String annualText, String appointmentReason, String reportingUnit,
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate ageComputedOn,
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filledOn, String filledBy,
                               String fullTimeQualification, String fullTimeDegree, String fullTimeQualificationSchool,
                               String fullTimeDegreeSchool, String inServiceQualification, String inServiceDegree,
                               String inServiceQualificationSchool, String inServiceDegreeSchool, String resume,
                               Integer version) {

    static CadreProfileForm of(CadreFile f) {
        CadreProfile p = f.profile();
        LrmxEducation ft = f.fullTimeEducation() == null ? new LrmxEducation(null, null, null, null) : f.fullTimeEducation();
        LrmxEducation is = f.inServiceEducation() == null ? new LrmxEducation(null, null, null, null) : f.inServiceEducation();
        return new CadreProfileForm(p.orgId(), name(p.category()), name(p.jobClass()), name(p.managementLevel()),
                p.retirementGroup().name(), p.birthPlace(), p.health(), p.partyJoinText(), p.professionalTitle(), p.specialty(),
                p.currentPostText(), p.proposedPost(), p.proposedRemoval(), p.rewardsText(), p.annualText(),
                p.appointmentReason(), p.reportingUnit(), p.ageComputedOn(), p.filledOn(), p.filledBy(),
                ft.qualification(), ft.degree(), ft.qualificationSchool(), ft.degreeSchool(),
                is.qualification(), is.degree(), is.qualificationSchool(), is.degreeSchool(),
                LrmxResume.format(f.resume()), p.version());
    }

    /** A new file for a person: their unit and the defaults of their sex. */
    static CadreProfileForm blank(long orgId, RetirementGroup group) {
        return new CadreProfileForm(orgId, null, null, null, group.name(), null, "健康", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
