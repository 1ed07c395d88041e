package org.zugong.supervision;

/** 核查结果 of a personal-matters report. */
public enum CheckResult {
    如实, 漏报, 瞒报, 其他
}
