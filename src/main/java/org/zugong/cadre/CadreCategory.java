package org.zugong.cadre;

/** 干部类别: which personnel system the cadre belongs to. */
public enum CadreCategory {
    公务员("公务员"),
    参公("参照公务员法管理人员"),
    事业("事业单位人员"),
    国企("国有企业管理人员");

    private final String fullName;

    CadreCategory(String fullName) {
        this.fullName = fullName;
    }

    public String fullName() {
        return fullName;
    }
}
