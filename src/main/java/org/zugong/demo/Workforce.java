package org.zugong.demo;

/** Who works or lives at a planned node: the mix of {@link PersonProfile}s its people are drawn from. */
enum Workforce {

    /** 党委工作部门 (组织部, 办公室, 宣传部…): mostly cadres. */
    PARTY_ORGAN(Weighted.of(PersonProfile.CADRE, 55, PersonProfile.CLERK, 45)),
    /** 政府工作部门 and 乡镇（街道）机关. */
    ORGAN(Weighted.of(PersonProfile.CADRE, 32, PersonProfile.CLERK, 68)),
    INSTITUTION(Weighted.of(PersonProfile.CADRE, 10, PersonProfile.PROFESSIONAL, 90)),
    SCHOOL(Weighted.of(PersonProfile.TEACHER, 1)),
    ENTERPRISE(Weighted.of(PersonProfile.EMPLOYEE, 1)),
    NEW_ORGANIZATION(Weighted.of(PersonProfile.WORKER, 1)),
    VILLAGE(Weighted.of(PersonProfile.RESIDENT, 1)),
    /** Residents plus the 社区工作者. */
    COMMUNITY(Weighted.of(PersonProfile.RESIDENT, 75, PersonProfile.CLERK, 25)),
    MEMBERS(Weighted.of(PersonProfile.MEMBER, 1)),
    RETIREES(Weighted.of(PersonProfile.RETIREE, 1));

    private final Weighted<PersonProfile> mix;

    Workforce(Weighted<PersonProfile> mix) {
        this.mix = mix;
    }

    Weighted<PersonProfile> mix() {
        return mix;
    }
}
