package org.zugong.assessment;

/** How an indicator is scored: a number in a range, or one of named levels with their scores. */
public enum IndicatorMethod {
    SCORE("分值"),
    LEVELS("等级");

    private final String chineseName;

    IndicatorMethod(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
