package org.zugong.cadre;

/** 年度考核结果 recorded or changed for a year. Published after commit to warnings and other listeners. */
public record AnnualResultRecorded(long personId, int year, AnnualGrade grade) {
}
