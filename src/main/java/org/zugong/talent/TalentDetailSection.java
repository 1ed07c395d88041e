package org.zugong.talent;

/**
 * A section of the talent detail page that a part of the module contributes as a bean (认定申请, 英才卡,
 * 服务申请…): {@code urlTemplate} contains {@code {id}} (the talent id) and returns an HTML fragment, loaded
 * with htmx when the page opens. Shown to users holding {@code permission}, in {@code order}.
 */
public record TalentDetailSection(String key, String label, String urlTemplate, String permission, int order) {

    public String url(long talentId) {
        return urlTemplate.replace("{id}", Long.toString(talentId));
    }
}
