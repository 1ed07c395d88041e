package org.zugong.assessment;

/** A period is open while its units work through it, closed when it is over. */
public enum PeriodStatus {
    OPEN("进行中"),
    CLOSED("已结束");

    private final String chineseName;

    PeriodStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
