package org.zugong.cadre;

/** 年度考核结果 of one year, by the code of rules.md §2. */
public record AnnualResultForm(Integer year, String code, String note) {
}
