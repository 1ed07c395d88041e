package org.zugong.cadre;

/** 年度考核结果 of one year. */
public record AnnualResult(int year, AnnualGrade grade, String note) {
}
