package org.zugong.cadre;

/**
 * F13 cadre search: any combination of subtree, name prefix, age range, sex, ethnicity, education,
 * political status, rank, post level, category, management level, minimum years in the current post
 * and rank, measures (诫勉/处分/组织处理/立案审查) in force, and recognized 「三将干部」 (F25). Empty fields do not filter.
 *
 * @param education       a GB/T 4658 code, or its first digit for the whole level (1 研究生, 2 本科, 3 专科, …)
 * @param ethnicity       a GB/T 3304 code, or {@code minority} for every ethnicity but 汉族
 * @param politicalStatus a GB/T 4762 code, or {@code nonCpc} for everyone who is not a CPC (probationary) member
 * @param sanctioned      true: only cadres with a measure in force today; false: only those without
 * @param frontline       true: only cadres with a 「三将干部」 record 已认定; false or absent: no filter
 */
public record CadreCriteria(Long orgId, String name, Integer ageMin, Integer ageMax, String sex, String ethnicity,
                            String education, String politicalStatus, String rank, String postLevel, String category,
                            String managementLevel, Integer yearsInPostMin, Integer yearsInRankMin, Boolean sanctioned,
                            Boolean frontline) {

    public CadreCriteria {
        ageMin = ageMin == null ? null : Math.clamp(ageMin, 0, 150);
        ageMax = ageMax == null ? null : Math.clamp(ageMax, 0, 150);
        yearsInPostMin = yearsInPostMin == null ? null : Math.clamp(yearsInPostMin, 0, 60);
        yearsInRankMin = yearsInRankMin == null ? null : Math.clamp(yearsInRankMin, 0, 60);
        name = blankToNull(name);
        name = name != null && name.length() > 50 ? name.substring(0, 50) : name;
        sex = blankToNull(sex);
        ethnicity = blankToNull(ethnicity);
        education = blankToNull(education);
        politicalStatus = blankToNull(politicalStatus);
        rank = blankToNull(rank);
        postLevel = blankToNull(postLevel);
        category = blankToNull(category);
        managementLevel = blankToNull(managementLevel);
        frontline = Boolean.TRUE.equals(frontline) ? Boolean.TRUE : null;
    }

    public static CadreCriteria none() {
        return new CadreCriteria(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
