package org.zugong.recruitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.zugong.recruitment.Timeline.IntroducerStatus;
import org.zugong.recruitment.Timeline.PreReviewLevel;

/**
 * One development record (发展党员档案) as stored; a step changes a copy loaded for it and the service
 * stores it only when the checker finds nothing new against it.
 */
public final class Candidate {

    public long id;
    public long personId;
    public String personName;
    public LocalDate birthDate;
    public long branchOrgId;
    public String branchName;
    public String branchPath;
    public CandidateStage stage = CandidateStage.APPLICANT;
    public String ruleSet = RecruitmentRuleSet.DEFAULT_EDITION;
    public LocalDate applicationDate;
    public LocalDate talkDate;
    public LocalDate activistDate;
    public LocalDate developmentTargetDate;
    public LocalDate politicalReviewDate;
    public Boolean politicalReviewPassed;
    public Integer trainingDays;
    public Integer trainingHours;
    public LocalDate noticeStart;
    public LocalDate noticeEnd;
    public Timeline.Meeting admission;
    public LocalDate approvalDate;
    /** 特殊情况: why the approval took longer than three months (up to six are then allowed). */
    public String approvalSpecialReason;
    public Integer extensionMonths;
    public Timeline.Meeting conversion;
    public LocalDate conversionApprovalDate;
    public LocalDate cancelledDate;
    public String cancelledReason;
    public int version;
    public String updatedBy;
    public Instant updatedAt;
    public List<Contact> contacts = new ArrayList<>();
    public List<Assessment> assessments = new ArrayList<>();
    public List<PreReviewEntry> preReviews = new ArrayList<>();

    public String stageLabel() {
        return stage.label();
    }

    /** 培养联系人 (CONTACT) or 入党介绍人 (INTRODUCER). */
    public record Contact(long personId, String personName, String role, IntroducerStatus status) {
        public String roleLabel() {
            return "INTRODUCER".equals(role) ? "入党介绍人" : "培养联系人";
        }

        public String statusLabel() {
            return switch (status) {
                case FULL -> "正式党员";
                case PROBATIONARY -> "预备党员";
                case UNDER_PROBATION_SANCTION -> "留党察看期间";
            };
        }
    }

    public record Assessment(LocalDate date, String note) {
    }

    public record PreReviewEntry(PreReviewLevel level, LocalDate date, Long reviewerOrgId, String reviewerOrgName, boolean passed,
                                 String note) {
        public String levelLabel() {
            return level == PreReviewLevel.PARTY_COMMITTEE ? "基层党委预审" : "县级党委组织部门预审";
        }
    }

    /** The timeline the checker tests. */
    Timeline timeline() {
        return new Timeline(ruleSet, birthDate, applicationDate, talkDate, activistDate,
                assessments.stream().map(Assessment::date).toList(), developmentTargetDate,
                contacts.stream().filter(c -> "INTRODUCER".equals(c.role())).map(c -> new Timeline.Introducer(c.status())).toList(),
                politicalReviewDate == null ? null : new Timeline.PoliticalReview(politicalReviewDate, politicalReviewPassed),
                trainingDays == null && trainingHours == null ? null : new Timeline.Training(trainingDays, trainingHours),
                noticeStart == null && noticeEnd == null ? null : new Timeline.PublicNotice(noticeStart, noticeEnd),
                preReviews.stream().map(p -> new Timeline.PreReview(p.level(), p.date(), p.passed())).toList(),
                admission, approvalDate,
                extensionMonths == null ? List.of() : List.of(new Timeline.Extension(extensionMonths)),
                conversion, conversionApprovalDate, approvalSpecialReason);
    }

    /** A list row. */
    public record Row(long id, long personId, String personName, long branchOrgId, String branchName, CandidateStage stage,
                      LocalDate applicationDate, Instant updatedAt) {
        public String stageLabel() {
            return stage.label();
        }
    }
}
