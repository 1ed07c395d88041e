package org.zugong.cadre;

/**
 * 年度考核结果 (公务员考核规定 2020), as the rank-promotion rules read it (职务职级并行规定 2019 Art.19, Art.22).
 */
public enum RankAssessmentResult {

    优秀,
    称职,
    基本称职,
    不称职,
    /** 不定等次, e.g. new entrants or long absence. */
    不定等次,
    未考核;

    /** Art.19: only years assessed 称职 or better count towards the years in the current rank. */
    public boolean countsTowardsService() {
        return this == 优秀 || this == 称职;
    }
}
