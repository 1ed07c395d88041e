package org.zugong.cadre;

/**
 * 退休年龄组别: which old statutory retirement age (原法定退休年龄) a person had before the 2025 reform.
 * Whether a woman is in the 55 or the 50 group is a field of the cadre file; cadres and civil servants
 * (干部、公务员) are in the 55 group.
 */
public enum RetirementGroup {

    /** 男职工，原法定退休年龄六十周岁. */
    MALE_60("男职工（原法定退休年龄60周岁）"),
    /** 原法定退休年龄为五十五周岁的女职工 (女干部). */
    FEMALE_55("女干部（原法定退休年龄55周岁）"),
    /** 原法定退休年龄为五十周岁的女职工 (女工人). */
    FEMALE_50("女职工（原法定退休年龄50周岁）");

    private final String chineseName;

    RetirementGroup(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
