package org.zugong.cadre;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import org.zugong.platform.codes.CodeTables;

/** The columns a 干部花名册 may have; the user picks which and in what order. */
public enum RosterColumn {
    NAME("姓名"),
    SEX("性别"),
    BIRTH("出生年月"),
    AGE("年龄"),
    ETHNICITY("民族"),
    NATIVE_PLACE("籍贯"),
    EDUCATION("学历"),
    POLITICAL_STATUS("政治面貌"),
    PARTY_JOIN("入党时间"),
    WORK_START("参加工作时间"),
    UNIT("任职单位"),
    CURRENT_POST("现任职务"),
    POST_LEVEL("职务层次"),
    POST_SINCE("任现职务时间"),
    RANK("职级"),
    RANK_SINCE("任现职级时间"),
    CATEGORY("干部类别"),
    MANAGEMENT_LEVEL("管理层级"),
    PROFESSIONAL_TITLE("专业技术职务"),
    RETIREMENT("退休时间"),
    SANCTIONED("处分/诫勉影响期内"),
    FRONTLINE("三将干部");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    private final String label;

    RosterColumn(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    Object value(CadreRow r, CodeTables codes, RetirementSchedule retirement, LocalDate today) {
        return switch (this) {
            case NAME -> r.name();
            case SEX -> codes.sex().shortName(r.sex());
            case BIRTH -> r.birthDate().format(MONTH);
            case AGE -> r.age(today);
            case ETHNICITY -> r.ethnicity() == null ? null : codes.ethnicity().name(r.ethnicity());
            case NATIVE_PLACE -> r.nativePlace();
            case EDUCATION -> r.education() == null ? null : codes.education().name(r.education());
            case POLITICAL_STATUS -> r.politicalStatus() == null ? null : codes.politicalStatus().shortName(r.politicalStatus());
            case PARTY_JOIN -> r.partyJoinDate() == null ? null : r.partyJoinDate().format(MONTH);
            case WORK_START -> r.workStartDate() == null ? null : r.workStartDate().format(MONTH);
            case UNIT -> r.orgName();
            case CURRENT_POST -> r.currentPost();
            case POST_LEVEL -> r.postLevel() == null ? null : r.postLevel().chineseName();
            case POST_SINCE -> r.postSince() == null ? null : r.postSince().format(MONTH);
            case RANK -> r.rank() == null ? null : r.rank().chineseName();
            case RANK_SINCE -> r.rankSince() == null ? null : r.rankSince().format(MONTH);
            case CATEGORY -> r.category() == null ? null : r.category().fullName();
            case MANAGEMENT_LEVEL -> r.managementLevel() == null ? null : r.managementLevel().name();
            case PROFESSIONAL_TITLE -> r.professionalTitle();
            case RETIREMENT -> retirement.compute(YearMonth.from(r.birthDate()), r.retirementGroup()).retirementMonth().format(MONTH);
            case SANCTIONED -> r.sanctioned() ? "是" : "否";
            case FRONTLINE -> r.frontline() ? "是" : "否";
        };
    }
}
