package org.zugong.assessment;

/**
 * The step a person's assessment waits for (F22): 个人小结 → 领导评价 → 单位审定（拟定等次）→ 公示 → 确认.
 * Sending back returns to the previous stage with a reason.
 */
public enum AssessmentStage {
    SELF_SUMMARY("个人小结"),
    EVALUATION("领导评价"),
    PROPOSAL("拟定等次"),
    PUBLICITY("公示"),
    CONFIRMED("已确认");

    private final String chineseName;

    AssessmentStage(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The stage before this one, or null for the first. */
    public AssessmentStage previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
