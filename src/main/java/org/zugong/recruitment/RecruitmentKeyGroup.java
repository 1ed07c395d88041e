package org.zugong.recruitment;

/**
 * The key groups (重点群体) of an annual development plan (F44) and how progress counts each of them among the
 * candidates admitted (from {@code person_view} and the person's home organization):
 * <ul>
 *   <li>一线: the person's home organization (the unit of the person) is a 村, 社区, 国有企业 or 两新组织;</li>
 *   <li>青年: at most 35 years old on the day of the admission meeting;</li>
 *   <li>高知识群体: education code starting with 1 (研究生) or 2 (本科);</li>
 *   <li>女性: sex code 2;</li>
 *   <li>少数民族: ethnicity code present and not 01 (汉族).</li>
 * </ul>
 */
public enum RecruitmentKeyGroup {
    FRONT_LINE("一线"),
    YOUNG("青年（35岁及以下）"),
    HIGHLY_EDUCATED("高知识群体"),
    WOMEN("女性"),
    MINORITY("少数民族");

    private final String label;

    RecruitmentKeyGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
