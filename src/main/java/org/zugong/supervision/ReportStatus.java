package org.zugong.supervision;

/** 个人有关事项报告 submission status of a year. */
public enum ReportStatus {
    未报告, 已报告, 逾期
}
