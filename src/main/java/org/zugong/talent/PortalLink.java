package org.zugong.talent;

/**
 * An entry of the talent portal's home page (我的认定申请, 我的英才卡, 我的服务申请…) that a part of the module
 * contributes as a bean; {@code href} lies under {@code /portal/}. Shown in {@code order}.
 */
public record PortalLink(String key, String label, String href, String description, int order) {
}
