package org.zugong.cadre;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zugong.person.IdNumber;

/**
 * One 干部任免审批表 as exchanged in an LRMX file, field by field. Text fields are null when the
 * element was missing or held only whitespace; lists are empty then. The generated {@code equals}
 * compares the photo by reference: compare documents field by field.
 *
 * @param name                  姓名 (XingMing)
 * @param sex                   性别, 男 or 女 (XingBie)
 * @param birthMonth            出生年月 (ChuShengNianYue)
 * @param ethnicity             民族 (MinZu)
 * @param nativePlace           籍贯 (JiGuan)
 * @param birthPlace            出生地 (ChuShengDi)
 * @param partyJoin             入党时间 as written: yyyyMM, a party name, or yyyyMM；党派 (RuDangShiJian)
 * @param workStart             参加工作时间 (CanJiaGongZuoShiJian)
 * @param health                健康状况 (JianKangZhuangKuang)
 * @param professionalTitle     专业技术职务 (ZhuanYeJiShuZhiWu)
 * @param specialty             熟悉专业有何专长 (ShuXiZhuanYeYouHeZhuanChang)
 * @param fullTimeEducation     全日制教育 (QuanRiZhiJiaoYu_*), never null
 * @param inServiceEducation    在职教育 (ZaiZhiJiaoYu_*), never null
 * @param currentPost           现任职务 (XianRenZhiWu)
 * @param proposedPost          拟任职务 (NiRenZhiWu)
 * @param proposedRemoval       拟免职务 (NiMianZhiWu)
 * @param resume                简历 (JianLi)
 * @param rewardsAndPunishments 奖惩情况 (JiangChengQingKuang)
 * @param annualAssessment      年度考核结果 (NianDuKaoHeJieGuo)
 * @param appointmentReason     任免理由 (RenMianLiYou)
 * @param family                家庭成员 (JiaTingChengYuan/Item)
 * @param reportingUnit         呈报单位 (ChengBaoDanWei)
 * @param ageComputedOn         计算年龄时间 (JiSuanNianLingShiJian)
 * @param filledOn              填表时间 (TianBiaoShiJian)
 * @param filledBy              填表人 (TianBiaoRen)
 * @param idNumber              身份证号 (ShenFenZheng), upper case
 * @param photo                 照片 as JPEG bytes, or null (ZhaoPian)
 * @param version               editor version (Version)
 * @param unknown               elements this reader does not know, name → text, in file order
 */
public record LrmxDocument(
        String name,
        String sex,
        YearMonth birthMonth,
        String ethnicity,
        String nativePlace,
        String birthPlace,
        String partyJoin,
        YearMonth workStart,
        String health,
        String professionalTitle,
        String specialty,
        LrmxEducation fullTimeEducation,
        LrmxEducation inServiceEducation,
        String currentPost,
        String proposedPost,
        String proposedRemoval,
        List<LrmxResumeLine> resume,
        String rewardsAndPunishments,
        String annualAssessment,
        String appointmentReason,
        List<LrmxFamilyMember> family,
        String reportingUnit,
        LocalDate ageComputedOn,
        LocalDate filledOn,
        String filledBy,
        String idNumber,
        byte[] photo,
        String version,
        Map<String, String> unknown) {

    private static final LrmxEducation NO_EDUCATION = new LrmxEducation(null, null, null, null);

    public LrmxDocument {
        fullTimeEducation = fullTimeEducation == null ? NO_EDUCATION : fullTimeEducation;
        inServiceEducation = inServiceEducation == null ? NO_EDUCATION : inServiceEducation;
        resume = resume == null ? List.of() : List.copyOf(resume);
        family = family == null ? List.of() : List.copyOf(family);
        photo = photo == null ? null : photo.clone();
        unknown = unknown == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unknown));
    }

    /** A copy of the JPEG bytes, or null. */
    @Override
    public byte[] photo() {
        return photo == null ? null : photo.clone();
    }

    /** Keeps the full ID number and the photo out of logs. */
    @Override
    public String toString() {
        return "LrmxDocument[name=" + name + ", idNumber=" + IdNumber.mask(idNumber)
                + ", resume=" + resume.size() + " lines, family=" + family.size() + " members]";
    }
}
