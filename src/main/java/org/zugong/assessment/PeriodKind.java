package org.zugong.assessment;

/** 平时考核 (quarterly) or 年度考核 (annual). */
public enum PeriodKind {
    ROUTINE("平时考核"),
    ANNUAL("年度考核");

    private final String chineseName;

    PeriodKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
