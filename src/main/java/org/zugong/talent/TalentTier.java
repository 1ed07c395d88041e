package org.zugong.talent;

/** 人才层次 (A–E 类), stored as data in {@code talent_tier}. */
public record TalentTier(String code, String name, int rank, String criteria, int cardValidityYears) {

    /** "A类 顶尖人才". */
    public String label() {
        return code + "类 " + name;
    }
}
