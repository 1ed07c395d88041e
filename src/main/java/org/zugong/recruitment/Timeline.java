package org.zugong.recruitment;

import java.time.LocalDate;
import java.util.List;

/**
 * A development timeline as far as it has come: a {@code null} field means the step was not reached.
 *
 * @param ruleSet               the rule set's edition ({@code 2014} when {@code null})
 * @param approvalSpecialReason why the approval took longer than the ordinary time (特殊情况), which allows the special
 *                              time limit; {@code null} or blank for an ordinary approval
 */
public record Timeline(String ruleSet, LocalDate birthDate, LocalDate applicationDate, LocalDate talkDate,
                       LocalDate activistDate, List<LocalDate> activistAssessments, LocalDate developmentTargetDate,
                       List<Introducer> introducers, PoliticalReview politicalReview, Training training,
                       PublicNotice publicNotice, List<PreReview> preReviews, Meeting admissionMeeting,
                       LocalDate approvalDate, List<Extension> probationExtensions, Meeting conversionMeeting,
                       LocalDate conversionApprovalDate, String approvalSpecialReason) {

    public Timeline {
        activistAssessments = activistAssessments == null ? List.of() : List.copyOf(activistAssessments);
        introducers = introducers == null ? List.of() : List.copyOf(introducers);
        preReviews = preReviews == null ? List.of() : List.copyOf(preReviews);
        probationExtensions = probationExtensions == null ? List.of() : List.copyOf(probationExtensions);
    }

    /** A timeline with an ordinary approval (no 特殊情况). */
    public Timeline(String ruleSet, LocalDate birthDate, LocalDate applicationDate, LocalDate talkDate,
                    LocalDate activistDate, List<LocalDate> activistAssessments, LocalDate developmentTargetDate,
                    List<Introducer> introducers, PoliticalReview politicalReview, Training training,
                    PublicNotice publicNotice, List<PreReview> preReviews, Meeting admissionMeeting,
                    LocalDate approvalDate, List<Extension> probationExtensions, Meeting conversionMeeting,
                    LocalDate conversionApprovalDate) {
        this(ruleSet, birthDate, applicationDate, talkDate, activistDate, activistAssessments, developmentTargetDate, introducers,
                politicalReview, training, publicNotice, preReviews, admissionMeeting, approvalDate, probationExtensions,
                conversionMeeting, conversionApprovalDate, null);
    }

    /** An empty timeline (nothing reached yet) under the default rule set. */
    public static Timeline empty() {
        return new Timeline(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the approval was recorded as a 特殊情况 with its reason. */
    public boolean specialApproval() {
        return approvalSpecialReason != null && !approvalSpecialReason.isBlank();
    }

    public enum IntroducerStatus { FULL, PROBATIONARY, UNDER_PROBATION_SANCTION }

    public enum PreReviewLevel { PARTY_COMMITTEE, COUNTY_DEPARTMENT }

    /** An 入党介绍人: a full member, a 预备党员, or a member under 留党察看 whose rights are not restored. */
    public record Introducer(IntroducerStatus status) {
    }

    /** 政治审查: the day of the written conclusion and whether it passed. */
    public record PoliticalReview(LocalDate date, Boolean passed) {
    }

    /** 短期集中培训: days and class hours (either may be {@code null}). */
    public record Training(Integer days, Integer hours) {
    }

    /** 公示 of the 发展对象, both days included. */
    public record PublicNotice(LocalDate start, LocalDate end) {
    }

    /** 预审 by the Party committee or the county organization department. */
    public record PreReview(PreReviewLevel level, LocalDate date, Boolean passed) {
    }

    /** A 支部大会: voters due to attend, present, votes for, and written opinions for of absent voters. */
    public record Meeting(LocalDate date, Integer dueVoters, Integer present, Integer votesFor, Integer writtenFor) {
    }

    /** An extension of the probation (延长预备期). */
    public record Extension(Integer months) {
    }
}
