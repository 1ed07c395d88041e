package org.zugong.talent;

/** 英才卡状态. */
enum TalentCardStatus {
    ACTIVE("有效"), LOST("挂失"), CANCELLED("注销"), EXPIRED("到期");

    private final String label;

    TalentCardStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
