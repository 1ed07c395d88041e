package org.zugong.assessment;

/** The category of unit a scheme is for (分类设置考核指标). */
public enum SchemeUnitCategory {
    机关,
    参公事业单位,
    事业单位,
    国有企业
}
