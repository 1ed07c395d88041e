package org.zugong.person;

/** The filters of the person list (page and API): subtree, name prefix, sex, age range, education, political status. */
public record PersonCriteria(Long orgId, String name, String sex, Integer ageMin, Integer ageMax, String education,
                             String politicalStatus) {

    public static PersonCriteria none() {
        return new PersonCriteria(null, null, null, null, null, null, null);
    }

    boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
