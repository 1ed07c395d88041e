package org.zugong.talent;

import java.time.LocalDate;

/** A 认定申请 as the pages and the API show it; {@code orgId} is the employer unit that scopes it. */
public record TalentApplication(long id, long personId, String personName, long orgId, String orgName, String tierCode,
                                String category, String field, String introductionMode, LocalDate introducedOn, String source,
                                RecognitionStage stage, LocalDate appliedOn, LocalDate lastStepOn, String grantedTierCode,
                                LocalDate committeeOn, Integer committeePresent, Integer votesFor, Integer votesAgainst,
                                Integer votesAbstain, LocalDate publicityStart, LocalDate publicityEnd, String objection,
                                LocalDate objectionOn, LocalDate recognizedOn, Long talentId, String refusedStage,
                                String refusalReason, String note, int version) {

    public String stageLabel() {
        return stage.label();
    }

    public String sourceLabel() {
        return "RURAL_POINTS".equals(source) ? "乡土人才积分推荐" : "个人申请";
    }

    /** An objection recorded during the 公示 and not yet decided. */
    public boolean objectionPending() {
        return objection != null;
    }

    /** The steps that may come next, whoever takes them. */
    public java.util.List<RecognitionStep> nextSteps() {
        return switch (stage) {
            case SUBMITTED -> java.util.List.of(RecognitionStep.EMPLOYER, RecognitionStep.WITHDRAW);
            case EMPLOYER_CONFIRMED -> java.util.List.of(RecognitionStep.REVIEW, RecognitionStep.WITHDRAW);
            case REVIEWED -> java.util.List.of(RecognitionStep.COMMITTEE, RecognitionStep.WITHDRAW);
            case COMMITTEE_PASSED -> java.util.List.of(RecognitionStep.PUBLICITY);
            case PUBLICITY -> objectionPending() ? java.util.List.of(RecognitionStep.OBJECTION_DECISION)
                    : java.util.List.of(RecognitionStep.RECOGNIZE, RecognitionStep.OBJECTION);
            default -> java.util.List.of();
        };
    }
}
