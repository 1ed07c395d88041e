package org.zugong.cadre;

import java.util.Arrays;
import java.util.Optional;

/**
 * 年度考核结果 with the codes used in LRMX/A1517 exchanges (rules.md §2): civil servants are graded
 * 优秀/称职/基本称职/不称职, institution staff 合格/基本合格/不合格; 5x 不定等次 and 6x 不进行考核
 * carry their reason.
 */
public enum AnnualGrade {
    EXCELLENT("1", "优秀", RankAssessmentResult.优秀),
    COMPETENT("2", "称职", RankAssessmentResult.称职),
    BASICALLY_COMPETENT("3", "基本称职", RankAssessmentResult.基本称职),
    INCOMPETENT("4", "不称职", RankAssessmentResult.不称职),
    QUALIFIED("2B", "合格", RankAssessmentResult.称职),
    BASICALLY_QUALIFIED("3B", "基本合格", RankAssessmentResult.基本称职),
    UNQUALIFIED("4B", "不合格", RankAssessmentResult.不称职),
    UNGRADED("5", "不定等次", RankAssessmentResult.不定等次),
    UNGRADED_PROBATION("5A", "不定等次（试用期）", RankAssessmentResult.不定等次),
    UNGRADED_INVESTIGATION("5B", "不定等次（立案审查）", RankAssessmentResult.不定等次),
    UNGRADED_SANCTION("5C", "不定等次（受处分期间）", RankAssessmentResult.不定等次),
    NOT_ASSESSED("6", "不进行考核", RankAssessmentResult.未考核),
    NOT_ASSESSED_LEAVE("6A", "不进行考核（病事假超过半年）", RankAssessmentResult.未考核),
    NOT_ASSESSED_OTHER("6B", "不进行考核（其他）", RankAssessmentResult.未考核);

    private final String code;
    private final String chineseName;
    private final RankAssessmentResult forRank;

    AnnualGrade(String code, String chineseName, RankAssessmentResult forRank) {
        this.code = code;
        this.chineseName = chineseName;
        this.forRank = forRank;
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The grade as written after "年度考核" on the form: the name without the reason. */
    public String printedName() {
        int bracket = chineseName.indexOf('（');
        return bracket < 0 ? chineseName : chineseName.substring(0, bracket);
    }

    /** How the year counts for rank promotion (职级规定 Art.19). */
    public RankAssessmentResult forRank() {
        return forRank;
    }

    public static Optional<AnnualGrade> ofCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
    }

    /** The plain grade for a printed name (优秀, 称职, 合格, 不定等次, …). */
    public static Optional<AnnualGrade> ofPrintedName(String name) {
        String wanted = "未考核".equals(name) || "不参加考核".equals(name) ? "不进行考核" : name;
        return Arrays.stream(values()).filter(g -> g.code.length() == 1 || g.code.endsWith("B"))
                .filter(g -> g.chineseName.equals(wanted)).findFirst();
    }
}
