package org.zugong.platform.security;

/** 数据权限范围 — how much of the organization tree a role's holder may see. */
public enum DataScope {
    /** 全部数据. */
    ALL("全部"),
    /** 自定义: the subtrees of the organizations listed on the role. */
    CUSTOM("自定义组织及下级"),
    /** 本组织及以下: the subtree of the user's own organization. */
    ORG_AND_BELOW("本组织及以下"),
    /** 本组织: the user's own organization only. */
    ORG("仅本组织"),
    /** 仅本人: records about the user as a person. */
    SELF("仅本人");

    private final String label;

    DataScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
