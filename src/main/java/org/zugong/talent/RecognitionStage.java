package org.zugong.talent;

/** 认定申请的环节: where an application stands; RECOGNIZED, REFUSED and WITHDRAWN are final. */
public enum RecognitionStage {
    SUBMITTED("待用人单位确认"), EMPLOYER_CONFIRMED("待人才办审核"), REVIEWED("待专家评审"), COMMITTEE_PASSED("待公示"),
    PUBLICITY("公示中"), RECOGNIZED("已认定"), REFUSED("不予认定"), WITHDRAWN("已撤回");

    private final String label;

    RecognitionStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != RECOGNIZED && this != REFUSED && this != WITHDRAWN;
    }

    /** Before the expert committee: the applicant may still withdraw. */
    public boolean withdrawable() {
        return this == SUBMITTED || this == EMPLOYER_CONFIRMED || this == REVIEWED;
    }
}
