package org.zugong.cadre;

import java.time.LocalDate;

/**
 * A member of a leadership team: a cadre whose current leading post is in the unit.
 *
 * @param age          age in full years on the day of the analysis
 * @param yearsInPost  任现职时间, e.g. {@code 3年2个月}
 */
public record TeamMember(long personId, String name, String postTitle, RankLeadingPost postLevel, LocalDate postStart,
                         String sex, String sexName, LocalDate birthDate, int age, String ethnicity, String ethnicityName,
                         String education, String educationName, String politicalStatus, String politicalStatusName,
                         String specialty, String yearsInPost, boolean young) {

    public boolean woman() {
        return "2".equals(sex);
    }

    /** 党外: a political status other than 中共党员 and 预备党员 (unknown counts as neither). */
    public boolean nonParty() {
        return politicalStatus != null && !"01".equals(politicalStatus) && !"02".equals(politicalStatus);
    }

    /** 少数民族: an ethnicity other than 汉族 (unknown counts as neither). */
    public boolean minority() {
        return ethnicity != null && !"01".equals(ethnicity);
    }

    /** 研究生 (GB/T 4658 codes 1x). */
    public boolean graduate() {
        return education != null && education.startsWith("1");
    }

    /** 大学本科 (2x). */
    public boolean undergraduate() {
        return education != null && education.startsWith("2");
    }

    /** 大学专科 (3x). */
    public boolean college() {
        return education != null && education.startsWith("3");
    }
}
