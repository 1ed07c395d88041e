package org.zugong.cadre;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes an {@link LrmxDocument} exactly as the 任免审批表编辑器 expects: UTF-8 without BOM, root
 * {@code Person}, every known element in the order of the format (empty when null), CRLF line
 * ends, resume periods joined with CRLF and an open end as 7 spaces, the photo as Base64, and the
 * unknown elements of the imported file appended in their original order.
 */
public final class LrmxWriter {

    private static final String CRLF = "\r\n";
    /** Unknown element names come from a parsed file; anything else is not written. */
    private static final Pattern XML_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_.\\-]*");
    private static final String[] FAMILY_FIELDS =
            {"ChengWei", "XingMing", "ChuShengRiQi", "ZhengZhiMianMao", "GongZuoDanWeiJiZhiWu"};

    private LrmxWriter() {
    }

    public static byte[] write(LrmxDocument document) {
        return toXml(document).getBytes(StandardCharsets.UTF_8);
    }

    public static String toXml(LrmxDocument d) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>").append(CRLF);
        xml.append("<Person>").append(CRLF);
        for (LrmxElement element : LrmxElement.values()) {
            if (element == LrmxElement.JiaTingChengYuan) {
                family(xml, d);
            } else {
                element(xml, "  ", element.name(), text(d, element));
            }
        }
        for (Map.Entry<String, String> extra : d.unknown().entrySet()) {
            if (XML_NAME.matcher(extra.getKey()).matches()) {
                element(xml, "  ", extra.getKey(), extra.getValue());
            }
        }
        return xml.append("</Person>").append(CRLF).toString();
    }

    /** The text an element carries for this document (the family is written as items: not here). */
    static String text(LrmxDocument d, LrmxElement element) {
        return switch (element) {
            case XingMing -> d.name();
            case XingBie -> d.sex();
            case ChuShengNianYue -> LrmxDates.format(d.birthMonth());
            case MinZu -> d.ethnicity();
            case JiGuan -> d.nativePlace();
            case ChuShengDi -> d.birthPlace();
            case RuDangShiJian -> d.partyJoin();
            case CanJiaGongZuoShiJian -> LrmxDates.format(d.workStart());
            case JianKangZhuangKuang -> d.health();
            case ZhuanYeJiShuZhiWu -> d.professionalTitle();
            case ShuXiZhuanYeYouHeZhuanChang -> d.specialty();
            case QuanRiZhiJiaoYu_XueLi -> d.fullTimeEducation().qualification();
            case QuanRiZhiJiaoYu_XueWei -> d.fullTimeEducation().degree();
            case QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi -> d.fullTimeEducation().qualificationSchool();
            case QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi -> d.fullTimeEducation().degreeSchool();
            case ZaiZhiJiaoYu_XueLi -> d.inServiceEducation().qualification();
            case ZaiZhiJiaoYu_XueWei -> d.inServiceEducation().degree();
            case ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi -> d.inServiceEducation().qualificationSchool();
            case ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi -> d.inServiceEducation().degreeSchool();
            case XianRenZhiWu -> d.currentPost();
            case NiRenZhiWu -> d.proposedPost();
            case NiMianZhiWu -> d.proposedRemoval();
            case JianLi -> LrmxResume.format(d.resume());
            case JiangChengQingKuang -> d.rewardsAndPunishments();
            case NianDuKaoHeJieGuo -> d.annualAssessment();
            case RenMianLiYou -> d.appointmentReason();
            case JiaTingChengYuan -> throw new IllegalArgumentException("family is written as Item elements");
            case ChengBaoDanWei -> d.reportingUnit();
            case JiSuanNianLingShiJian -> LrmxDates.format(d.ageComputedOn());
            case TianBiaoShiJian -> LrmxDates.format(d.filledOn());
            case TianBiaoRen -> d.filledBy();
            case ShenFenZheng -> d.idNumber();
            case ZhaoPian -> d.photo() == null ? null : Base64.getEncoder().encodeToString(d.photo());
            case Version -> d.version();
        };
    }

    private static void family(StringBuilder xml, LrmxDocument d) {
        xml.append("  <JiaTingChengYuan>").append(CRLF);
        for (LrmxFamilyMember member : d.family()) {
            xml.append("    <Item>").append(CRLF);
            String[] values = {member.relation(), member.name(), LrmxDates.format(member.birthMonth()),
                    member.politicalStatus(), member.workAndPost()};
            for (int i = 0; i < FAMILY_FIELDS.length; i++) {
                element(xml, "      ", FAMILY_FIELDS[i], values[i]);
            }
            xml.append("    </Item>").append(CRLF);
        }
        xml.append("  </JiaTingChengYuan>").append(CRLF);
    }

    private static void element(StringBuilder xml, String indent, String name, String text) {
        xml.append(indent).append('<').append(name).append('>');
        if (text != null) {
            escape(xml, text.replace("\r\n", "\n").replace("\n", CRLF));
        }
        xml.append("</").append(name).append('>').append(CRLF);
    }

    /** Escapes markup and drops characters XML 1.0 cannot carry (control characters, lone surrogates). */
    private static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                default -> {
                    if (isXmlChar(text, i)) {
                        xml.append(c);
                    }
                }
            }
        }
    }

    private static boolean isXmlChar(String text, int i) {
        char c = text.charAt(i);
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return true;
    }
}
