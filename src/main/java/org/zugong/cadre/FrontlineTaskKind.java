package org.zugong.cadre;

/** The kind of 急难险重 task a 「三将干部」 record is about; stored by name. */
public enum FrontlineTaskKind {
    抗洪抢险,
    疫情防控,
    乡村振兴,
    重大项目,
    信访维稳,
    其他
}
