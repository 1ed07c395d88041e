package org.zugong.cadre;

import java.util.List;

/** The choices of the cadre forms and filters, for the templates. */
public final class CadreOptions {

    static final CadreOptions INSTANCE = new CadreOptions();

    private CadreOptions() {
    }

    public List<CadreCategory> categories() {
        return List.of(CadreCategory.values());
    }

    public List<JobClass> jobClasses() {
        return List.of(JobClass.values());
    }

    public List<ManagementLevel> managementLevels() {
        return List.of(ManagementLevel.values());
    }

    public List<RetirementGroup> retirementGroups() {
        return List.of(RetirementGroup.values());
    }

    public List<Rank> ranks() {
        return List.of(Rank.values());
    }

    /** Leading-post levels a city or county department deals with (厅局级 and below). */
    public List<RankLeadingPost> postLevels() {
        return List.of(RankLeadingPost.厅局级正职, RankLeadingPost.厅局级副职, RankLeadingPost.县处级正职, RankLeadingPost.县处级副职,
                RankLeadingPost.乡科级正职, RankLeadingPost.乡科级副职);
    }

    public List<AppointmentMethod> methods() {
        return List.of(AppointmentMethod.values());
    }

    public List<CadreRecordKind> recordKinds() {
        return List.of(CadreRecordKind.values());
    }

    public List<AnnualGrade> annualGrades() {
        return List.of(AnnualGrade.values());
    }

    public List<FrontlineTaskKind> frontlineKinds() {
        return List.of(FrontlineTaskKind.values());
    }

    public List<FrontlineOutcome> frontlineOutcomes() {
        return List.of(FrontlineOutcome.values());
    }

    public List<RosterColumn> rosterColumns() {
        return List.of(RosterColumn.values());
    }
}
