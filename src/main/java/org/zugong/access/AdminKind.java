package org.zugong.access;

/** 三员分立: the three separated administrator roles of 等保三级; one account holds at most one. */
public enum AdminKind {
    SYSTEM("系统管理员"), SECURITY("安全管理员"), AUDIT("审计管理员");

    private final String label;

    AdminKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
