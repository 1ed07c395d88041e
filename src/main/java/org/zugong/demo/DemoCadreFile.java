package org.zugong.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.zugong.cadre.AnnualGrade;
import org.zugong.cadre.AppointmentMethod;
import org.zugong.cadre.CadreCategory;
import org.zugong.cadre.CadreRecordKind;
import org.zugong.cadre.JobClass;
import org.zugong.cadre.ManagementLevel;
import org.zugong.cadre.Rank;
import org.zugong.cadre.RankLeadingPost;
import org.zugong.cadre.RetirementGroup;

/**
 * One generated cadre file (干部档案) in plain text, before {@link DemoWriter} encrypts the family
 * members' names and workplaces. {@code personIndex} is the person's index in the generated list,
 * organizations are plan keys. The current values ({@code postLevel}, {@code rank} and their dates) are
 * the ones {@code CadreRepository.refreshCurrentValues} would compute from the posts and ranks.
 */
record DemoCadreFile(int personIndex, int orgKey, CadreCategory category, JobClass jobClass, ManagementLevel managementLevel,
                     RetirementGroup retirementGroup, String birthPlace, String partyJoinText, String professionalTitle,
                     String specialty, String currentPostText, String rewardsText, String annualText, String reportingUnit,
                     LocalDate filledOn, RankLeadingPost postLevel, LocalDate postSince, Rank rank, LocalDate rankSince,
                     List<Post> posts, List<RankRow> ranks, List<ResumeLine> resume, List<Education> education,
                     List<Record> records, List<Annual> annual, List<FamilyMember> family) {

    static final String HEALTH = "健康";
    static final String FILLED_BY = "组织部干部科";
    static final String LRMX_VERSION = "3.2.1.16";
    static final String FULL_TIME = "FULL_TIME";
    static final String IN_SERVICE = "IN_SERVICE";

    /** The same file with other annual results and records, and the printed texts that follow from them. */
    DemoCadreFile withAnnualAndRecords(List<Annual> newAnnual, List<Record> newRecords) {
        return new DemoCadreFile(personIndex, orgKey, category, jobClass, managementLevel, retirementGroup, birthPlace,
                partyJoinText, professionalTitle, specialty, currentPostText, DemoCadres.rewardsText(newRecords),
                DemoCadres.annualText(newAnnual), reportingUnit, filledOn, postLevel, postSince, rank, rankSince, posts, ranks,
                resume, education, newRecords, List.copyOf(newAnnual), family);
    }

    /** A post (职务); current while {@code end} is null. */
    record Post(int orgKey, String title, RankLeadingPost level, AppointmentMethod method, LocalDate start, LocalDate end,
                LocalDate probationEnd) {
    }

    /** A rank (职级) period; open while {@code end} is null. */
    record RankRow(Rank rank, LocalDate start, LocalDate end) {
    }

    /** A line of the 简历; open while {@code to} is null. */
    record ResumeLine(YearMonth from, YearMonth to, String text) {
    }

    record Education(String kind, String qualification, String degree, String qualificationSchool, String degreeSchool) {
    }

    /** A reward or a measure (奖惩). */
    record Record(CadreRecordKind kind, String title, String authority, LocalDate decidedOn, LocalDate effectStart,
                  LocalDate effectEnd, String printed) {
    }

    record Annual(int year, AnnualGrade grade) {
    }

    record FamilyMember(String relation, String name, YearMonth birthMonth, String politicalStatus, String work) {
    }
}
