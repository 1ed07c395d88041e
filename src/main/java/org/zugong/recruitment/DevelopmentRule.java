package org.zugong.recruitment;

/** The rules the development checker enforces; the article each cites lives in the rule set. */
public enum DevelopmentRule {
    AGE_UNDER_18,
    TALK_LATE,
    ACTIVIST_ASSESSMENT_GAP,
    ACTIVIST_LESS_THAN_ONE_YEAR,
    INTRODUCER_COUNT,
    INTRODUCER_NOT_FULL_MEMBER,
    POLITICAL_REVIEW_MISSING,
    TRAINING_INSUFFICIENT,
    PUBLIC_NOTICE_SHORT,
    PRE_REVIEW_MISSING,
    QUORUM_NOT_MET,
    VOTE_NOT_PASSED,
    APPROVAL_LATE,
    PROBATION_EXTENSION_INVALID,
    CONVERSION_EARLY,
    CONVERSION_APPROVAL_LATE,
    ORDER_INVALID
}
