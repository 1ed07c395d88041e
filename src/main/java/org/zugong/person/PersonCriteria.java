package org.zugong.person;

/** The filters of the person list (page and API): subtree, name prefix, sex, age range, education, political status. */
public record PersonCriteria(Long orgId, String name, String sex, Integer ageMin, Integer ageMax, String education,
                             String politicalStatus) {

    public PersonCriteria {
        // Ages outside 0–150 mean nothing; clamping keeps date arithmetic in range.
        ageMin = ageMin == null ? null : Math.clamp(ageMin, 0, 150);
        ageMax = ageMax == null ? null : Math.clamp(ageMax, 0, 150);
        name = name == null ? null : name.length() > 50 ? name.substring(0, 50) : name;
    }

    public static PersonCriteria none() {
        return new PersonCriteria(null, null, null, null, null, null, null);
    }

    boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
