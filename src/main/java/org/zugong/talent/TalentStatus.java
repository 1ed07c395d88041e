package org.zugong.talent;

/** 人才状态 of a registry record. */
public enum TalentStatus {
    RECOGNIZED("已认定"), EXPIRED("已到期"), REVOKED("已撤销");

    private final String label;

    TalentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
