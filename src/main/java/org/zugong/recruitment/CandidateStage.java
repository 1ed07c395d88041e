package org.zugong.recruitment;

/** Where a candidate stands in the development (发展党员的阶段). */
public enum CandidateStage {
    APPLICANT("入党申请人"),
    ACTIVIST("入党积极分子"),
    DEVELOPMENT_TARGET("发展对象"),
    PROBATIONARY("预备党员"),
    FULL_MEMBER("正式党员"),
    CANCELLED("已取消");

    private final String label;

    CandidateStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
