package org.zugong.cadre;

/** 认定结果 of a 「三将干部」 record; stored by name. Only 已认定 counts in the search and the roster. */
public enum FrontlineOutcome {
    拟认定,
    已认定,
    未认定
}
