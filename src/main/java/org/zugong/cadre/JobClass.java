package org.zugong.cadre;

/** 职位类别 of a civil servant (公务员法 Art.16); only 综合管理类 has the ranks of rules.md §4. */
public enum JobClass {
    综合管理类,
    专业技术类,
    行政执法类
}
