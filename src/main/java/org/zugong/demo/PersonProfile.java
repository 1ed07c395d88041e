package org.zugong.demo;

/**
 * The kinds of people in the demo city, each with its age range and its mix of education (GB/T 4658
 * leaf codes) and political status (GB/T 4762). The mixes are rough but keep pages and statistics
 * plausible: cadres are graduates and mostly Party members, villagers mostly 群众 with lower schooling.
 */
enum PersonProfile {

    /** 干部: leading and section-level cadres in organs and institutions. */
    CADRE(28, 58,
            Weighted.of("21", 72, "14", 25, "11", 3),
            Weighted.of("01", 90, "02", 2, "12", 3, "05", 1, "13", 4)),
    /** 机关一般工作人员. */
    CLERK(22, 60,
            Weighted.of("21", 52, "31", 28, "14", 8, "41", 7, "61", 5),
            Weighted.of("01", 55, "02", 5, "03", 12, "12", 3, "13", 25)),
    /** 医生、技术人员 in public institutions. */
    PROFESSIONAL(23, 60,
            Weighted.of("14", 22, "21", 50, "31", 20, "11", 3, "41", 5),
            Weighted.of("01", 35, "02", 3, "03", 12, "05", 2, "07", 2, "08", 3, "10", 2, "12", 3, "13", 38)),
    TEACHER(22, 60,
            Weighted.of("21", 60, "14", 12, "31", 22, "41", 6),
            Weighted.of("01", 35, "02", 3, "03", 12, "07", 3, "12", 2, "13", 45)),
    /** 国有企业职工. */
    EMPLOYEE(22, 60,
            Weighted.of("21", 45, "31", 28, "14", 8, "41", 6, "47", 8, "61", 5),
            Weighted.of("01", 38, "02", 4, "03", 12, "12", 1, "13", 45)),
    /** 两新组织从业人员. */
    WORKER(22, 58,
            Weighted.of("31", 25, "21", 18, "41", 10, "44", 8, "47", 10, "61", 17, "71", 12),
            Weighted.of("01", 15, "02", 3, "03", 12, "13", 70)),
    /** 村（居）民. */
    RESIDENT(22, 65,
            Weighted.of("81", 8, "71", 34, "61", 22, "41", 6, "44", 5, "47", 5, "31", 12, "21", 8),
            Weighted.of("01", 28, "02", 3, "03", 5, "13", 64)),
    /** Party members kept directly on a 联合党支部, such as 个体工商户 with no unit of their own. */
    MEMBER(25, 60,
            Weighted.of("31", 25, "21", 20, "41", 15, "61", 25, "71", 15),
            Weighted.of("01", 92, "02", 8)),
    /** 离退休干部 kept on their retirees' branch. */
    RETIREE(60, 65,
            Weighted.of("21", 40, "31", 35, "41", 15, "61", 10),
            Weighted.of("01", 100));

    private final int minAge;
    private final int maxAge;
    private final Weighted<String> education;
    private final Weighted<String> politicalStatus;

    PersonProfile(int minAge, int maxAge, Weighted<String> education, Weighted<String> politicalStatus) {
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.education = education;
        this.politicalStatus = politicalStatus;
    }

    int minAge() {
        return minAge;
    }

    int maxAge() {
        return maxAge;
    }

    Weighted<String> education() {
        return education;
    }

    Weighted<String> politicalStatus() {
        return politicalStatus;
    }
}
