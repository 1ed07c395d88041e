package org.zugong.cadre;

/**
 * One of the two education blocks of the 任免审批表: 全日制教育 or 在职教育.
 *
 * @param qualification       学历
 * @param degree              学位
 * @param qualificationSchool 学历的毕业院校系
 * @param degreeSchool        学位的毕业院校系及专业
 */
public record LrmxEducation(String qualification, String degree, String qualificationSchool, String degreeSchool) {

    /** True when none of the four fields is filled. */
    public boolean isEmpty() {
        return qualification == null && degree == null && qualificationSchool == null && degreeSchool == null;
    }
}
