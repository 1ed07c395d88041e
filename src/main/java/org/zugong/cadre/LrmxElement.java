package org.zugong.cadre;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The child elements of {@code <Person>} in an LRMX file (干部任免审批表), in the order the editor
 * writes them. The constant names are the XML element names.
 */
public enum LrmxElement {
    /** 姓名 */
    XingMing,
    /** 性别：男 / 女 */
    XingBie,
    /** 出生年月 yyyyMM */
    ChuShengNianYue,
    /** 民族 */
    MinZu,
    /** 籍贯 */
    JiGuan,
    /** 出生地 */
    ChuShengDi,
    /** 入党时间：yyyyMM，民主党派为党派名或 yyyyMM；党派 */
    RuDangShiJian,
    /** 参加工作时间 yyyyMM */
    CanJiaGongZuoShiJian,
    /** 健康状况 */
    JianKangZhuangKuang,
    /** 专业技术职务 */
    ZhuanYeJiShuZhiWu,
    /** 熟悉专业有何专长 */
    ShuXiZhuanYeYouHeZhuanChang,
    /** 全日制教育 学历 */
    QuanRiZhiJiaoYu_XueLi,
    /** 全日制教育 学位 */
    QuanRiZhiJiaoYu_XueWei,
    /** 全日制教育 学历 毕业院校系 */
    QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi,
    /** 全日制教育 学位 毕业院校系及专业 */
    QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi,
    /** 在职教育 学历 */
    ZaiZhiJiaoYu_XueLi,
    /** 在职教育 学位 */
    ZaiZhiJiaoYu_XueWei,
    /** 在职教育 学历 毕业院校系 */
    ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi,
    /** 在职教育 学位 毕业院校系及专业 */
    ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi,
    /** 现任职务 */
    XianRenZhiWu,
    /** 拟任职务 */
    NiRenZhiWu,
    /** 拟免职务 */
    NiMianZhiWu,
    /** 简历：每段一行 yyyy.MM--yyyy.MM␣␣文字 */
    JianLi,
    /** 奖惩情况 */
    JiangChengQingKuang,
    /** 年度考核结果 */
    NianDuKaoHeJieGuo,
    /** 任免理由 */
    RenMianLiYou,
    /** 家庭成员（子元素 Item） */
    JiaTingChengYuan,
    /** 呈报单位 */
    ChengBaoDanWei,
    /** 计算年龄时间 yyyyMMdd */
    JiSuanNianLingShiJian,
    /** 填表时间 yyyyMMdd */
    TianBiaoShiJian,
    /** 填表人 */
    TianBiaoRen,
    /** 身份证号 */
    ShenFenZheng,
    /** 照片（JPEG 的 Base64） */
    ZhaoPian,
    /** 编辑器版本，如 3.2.1.16 */
    Version;

    private static final Map<String, LrmxElement> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    /** The element with this exact XML name, if it is one of the known fields. */
    public static Optional<LrmxElement> named(String xmlName) {
        return Optional.ofNullable(BY_NAME.get(xmlName));
    }

    /** The field's name on the printed form, for previews and error reports. */
    public String label() {
        return switch (this) {
            case XingMing -> "姓名";
            case XingBie -> "性别";
            case ChuShengNianYue -> "出生年月";
            case MinZu -> "民族";
            case JiGuan -> "籍贯";
            case ChuShengDi -> "出生地";
            case RuDangShiJian -> "入党时间";
            case CanJiaGongZuoShiJian -> "参加工作时间";
            case JianKangZhuangKuang -> "健康状况";
            case ZhuanYeJiShuZhiWu -> "专业技术职务";
            case ShuXiZhuanYeYouHeZhuanChang -> "熟悉专业有何专长";
            case QuanRiZhiJiaoYu_XueLi -> "全日制教育·学历";
            case QuanRiZhiJiaoYu_XueWei -> "全日制教育·学位";
            case QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi -> "全日制教育·毕业院校系";
            case QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi -> "全日制教育·学位院校系及专业";
            case ZaiZhiJiaoYu_XueLi -> "在职教育·学历";
            case ZaiZhiJiaoYu_XueWei -> "在职教育·学位";
            case ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi -> "在职教育·毕业院校系";
            case ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi -> "在职教育·学位院校系及专业";
            case XianRenZhiWu -> "现任职务";
            case NiRenZhiWu -> "拟任职务";
            case NiMianZhiWu -> "拟免职务";
            case JianLi -> "简历";
            case JiangChengQingKuang -> "奖惩情况";
            case NianDuKaoHeJieGuo -> "年度考核结果";
            case RenMianLiYou -> "任免理由";
            case JiaTingChengYuan -> "家庭主要成员及重要社会关系";
            case ChengBaoDanWei -> "呈报单位";
            case JiSuanNianLingShiJian -> "计算年龄时间";
            case TianBiaoShiJian -> "填表时间";
            case TianBiaoRen -> "填表人";
            case ShenFenZheng -> "身份证号";
            case ZhaoPian -> "照片";
            case Version -> "表格版本";
        };
    }
}
