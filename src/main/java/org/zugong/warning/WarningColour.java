package org.zugong.warning;

/** 红橙黄蓝: the four colours, most serious first. */
public enum WarningColour {
    RED("红"),
    ORANGE("橙"),
    YELLOW("黄"),
    BLUE("蓝");

    private final String chineseName;

    WarningColour(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** One level more serious (overdue handling); red stays red. */
    public WarningColour escalated() {
        return this == RED ? RED : values()[ordinal() - 1];
    }
}
