package org.zugong.organization;

import java.util.Arrays;
import java.util.List;

/** What a node of the tree is: an administrative region, a unit (单位) or a Party organization. */
public enum OrganizationKind {
    CITY(Category.REGION, "市"),
    COUNTY(Category.REGION, "县（市、区）"),
    TOWNSHIP(Category.REGION, "乡镇"),
    STREET(Category.REGION, "街道"),
    ORGAN(Category.UNIT, "机关"),
    INSTITUTION(Category.UNIT, "事业单位"),
    STATE_ENTERPRISE(Category.UNIT, "国有企业"),
    NEW_ORGANIZATION(Category.UNIT, "两新组织"),
    VILLAGE(Category.UNIT, "村"),
    COMMUNITY(Category.UNIT, "社区"),
    SCHOOL(Category.UNIT, "学校"),
    PARTY_COMMITTEE(Category.PARTY, "党委"),
    PARTY_WORKING_COMMITTEE(Category.PARTY, "党工委"),
    PARTY_GENERAL_BRANCH(Category.PARTY, "党总支"),
    PARTY_BRANCH(Category.PARTY, "党支部"),
    PARTY_JOINT_BRANCH(Category.PARTY, "联合党支部");

    /** The three families of nodes. */
    public enum Category {
        REGION("行政区域"), UNIT("单位"), PARTY("党组织");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Category category;
    private final String label;

    OrganizationKind(Category category, String label) {
        this.category = category;
        this.label = label;
    }

    public Category category() {
        return category;
    }

    public String label() {
        return label;
    }

    public boolean isParty() {
        return category == Category.PARTY;
    }

    /** Party organizations carry a term (换届): 基层党委 5 years, 总支/支部 3 years by default. */
    public int defaultTermYears() {
        return switch (this) {
            case PARTY_COMMITTEE, PARTY_WORKING_COMMITTEE -> 5;
            case PARTY_GENERAL_BRANCH, PARTY_BRANCH, PARTY_JOINT_BRANCH -> 3;
            default -> 0;
        };
    }

    public static List<OrganizationKind> of(Category category) {
        return Arrays.stream(values()).filter(k -> k.category == category).toList();
    }
}
