package org.zugong.warning;

/** A warning is open until someone handles it, and closed when its condition ends or it is 销号. */
public enum WarningStatus {
    OPEN("待处置"),
    HANDLING("处置中"),
    CLOSED("已关闭");

    private final String chineseName;

    WarningStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
