package org.zugong.cadre;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.zugong.person.IdNumber;

/**
 * Reads one LRMX file (干部任免审批表交换文件) leniently and safely. Content problems never throw:
 * they come back as {@link LrmxProblem}s in Chinese next to whatever could be read. A DOCTYPE
 * declaration (XXE, billion laughs) and files over 5 MB are rejected before anything is expanded.
 */
public final class LrmxReader {

    /** 单个文件大小上限：5 MB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    static final String TOO_LARGE = "文件超过 5MB";
    static final String DOCTYPE = "不允许 DOCTYPE 声明（可能的 XXE 攻击）";
    static final String NOT_XML = "文件不是有效的 XML";

    private LrmxReader() {
    }

    /** Reads at most {@link #MAX_BYTES} from the stream (plus one byte to tell it is too large). */
    public static LrmxParseResult read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        return read(bytes);
    }

    public static LrmxParseResult read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return LrmxParseResult.rejected(TOO_LARGE);
        }
        Document xml;
        try {
            xml = parse(LrmxEncoding.decode(bytes));
        } catch (SAXParseException e) {
            return LrmxParseResult.rejected(isDoctype(e) ? DOCTYPE : NOT_XML + "（第 " + e.getLineNumber() + " 行）");
        } catch (SAXException | IOException e) {
            return LrmxParseResult.rejected(NOT_XML);
        }
        Element root = xml.getDocumentElement();
        if (!"Person".equals(root.getTagName())) {
            return LrmxParseResult.rejected("根元素应为 Person，不是干部任免审批表文件");
        }
        List<LrmxProblem> problems = new ArrayList<>();
        LrmxDocument document = new Fields(root, problems).document();
        checkAgainstIdNumber(document, problems);
        return new LrmxParseResult(document, problems);
    }

    private static Document parse(String text) throws SAXException, IOException {
        DocumentBuilder builder = secureBuilder();
        builder.setErrorHandler(SILENT);
        return builder.parse(new InputSource(new StringReader(text)));
    }

    private static boolean isDoctype(SAXParseException e) {
        String message = e.getMessage();
        return message != null && message.contains("DOCTYPE");
    }

    /** The JDK parser with DOCTYPE disallowed, no external entities, no XInclude, secure processing on. */
    private static DocumentBuilder secureBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be secured", e);
        }
    }

    /** Keeps the parser from printing to stderr; every error is thrown and turned into a problem. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** 出生年月 and 性别 must agree with the birth date (digits 7–14) and sex digit (17) of the ID. */
    private static void checkAgainstIdNumber(LrmxDocument d, List<LrmxProblem> problems) {
        if (IdNumber.problem(d.idNumber()).isPresent()) {
            return;
        }
        IdNumber id = IdNumber.parse(d.idNumber());
        if (d.birthMonth() != null && !d.birthMonth().equals(YearMonth.from(id.birthDate()))) {
            problems.add(new LrmxProblem(LrmxElement.ChuShengNianYue.name(),
                    "出生年月与身份证号中的出生日期（第7–14位）不一致"));
        }
        String idSex = id.sexCode().equals("1") ? "男" : "女";
        if (("男".equals(d.sex()) || "女".equals(d.sex())) && !idSex.equals(d.sex())) {
            problems.add(new LrmxProblem(LrmxElement.XingBie.name(),
                    "性别与身份证号第17位（奇数为男、偶数为女）不一致"));
        }
    }

    /** The children of {@code <Person>}, converted field by field, collecting problems. */
    private static final class Fields {
        private final Map<LrmxElement, Element> known = new EnumMap<>(LrmxElement.class);
        private final Map<String, String> unknown = new LinkedHashMap<>();
        private final List<LrmxProblem> problems;

        Fields(Element root, List<LrmxProblem> problems) {
            this.problems = problems;
            for (Element child : children(root)) {
                Optional<LrmxElement> element = LrmxElement.named(child.getTagName());
                if (element.isPresent()) {
                    known.put(element.get(), child);
                } else {
                    unknown.put(child.getTagName(), child.getTextContent());
                }
            }
        }

        LrmxDocument document() {
            return new LrmxDocument(
                    text(LrmxElement.XingMing),
                    sex(),
                    month(LrmxElement.ChuShengNianYue, "出生年月"),
                    text(LrmxElement.MinZu),
                    text(LrmxElement.JiGuan),
                    text(LrmxElement.ChuShengDi),
                    text(LrmxElement.RuDangShiJian),
                    month(LrmxElement.CanJiaGongZuoShiJian, "参加工作时间"),
                    text(LrmxElement.JianKangZhuangKuang),
                    text(LrmxElement.ZhuanYeJiShuZhiWu),
                    text(LrmxElement.ShuXiZhuanYeYouHeZhuanChang),
                    new LrmxEducation(text(LrmxElement.QuanRiZhiJiaoYu_XueLi),
                            text(LrmxElement.QuanRiZhiJiaoYu_XueWei),
                            text(LrmxElement.QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi),
                            text(LrmxElement.QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi)),
                    new LrmxEducation(text(LrmxElement.ZaiZhiJiaoYu_XueLi),
                            text(LrmxElement.ZaiZhiJiaoYu_XueWei),
                            text(LrmxElement.ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi),
                            text(LrmxElement.ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi)),
                    text(LrmxElement.XianRenZhiWu),
                    text(LrmxElement.NiRenZhiWu),
                    text(LrmxElement.NiMianZhiWu),
                    LrmxResume.parse(text(LrmxElement.JianLi), problems),
                    text(LrmxElement.JiangChengQingKuang),
                    text(LrmxElement.NianDuKaoHeJieGuo),
                    text(LrmxElement.RenMianLiYou),
                    family(),
                    text(LrmxElement.ChengBaoDanWei),
                    day(LrmxElement.JiSuanNianLingShiJian, "计算年龄时间"),
                    day(LrmxElement.TianBiaoShiJian, "填表时间"),
                    text(LrmxElement.TianBiaoRen),
                    idNumber(),
                    photo(),
                    text(LrmxElement.Version),
                    unknown);
        }

        private String text(LrmxElement element) {
            Element e = known.get(element);
            return e == null ? null : clean(e.getTextContent());
        }

        private String sex() {
            String sex = text(LrmxElement.XingBie);
            if (sex != null && !sex.equals("男") && !sex.equals("女")) {
                problems.add(new LrmxProblem(LrmxElement.XingBie.name(), "性别应为 男 或 女"));
            }
            return sex;
        }

        private YearMonth month(LrmxElement element, String label) {
            String text = text(element);
            if (text == null) {
                return null;
            }
            Optional<YearMonth> month = LrmxDates.month(text);
            if (month.isEmpty()) {
                problems.add(new LrmxProblem(element.name(), label + "应为 yyyyMM"));
            }
            return month.orElse(null);
        }

        private LocalDate day(LrmxElement element, String label) {
            String text = text(element);
            if (text == null) {
                return null;
            }
            Optional<LocalDate> day = LrmxDates.day(text);
            if (day.isEmpty()) {
                problems.add(new LrmxProblem(element.name(), label + "应为 yyyyMMdd"));
            }
            return day.orElse(null);
        }

        private String idNumber() {
            String text = text(LrmxElement.ShenFenZheng);
            IdNumber.problem(text).ifPresent(p -> problems.add(new LrmxProblem(LrmxElement.ShenFenZheng.name(), p)));
            return text == null ? null : IdNumber.normalize(text);
        }

        private byte[] photo() {
            String text = text(LrmxElement.ZhaoPian);
            if (text == null) {
                return null;
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                problems.add(new LrmxProblem(LrmxElement.ZhaoPian.name(), "照片不是有效的 Base64 编码"));
                return null;
            }
            if (!isJpeg(bytes)) {
                problems.add(new LrmxProblem(LrmxElement.ZhaoPian.name(), "照片应为 JPEG 格式"));
                return null;
            }
            return bytes;
        }

        private List<LrmxFamilyMember> family() {
            Element list = known.get(LrmxElement.JiaTingChengYuan);
            List<LrmxFamilyMember> members = new ArrayList<>();
            if (list == null) {
                return members;
            }
            for (Element item : children(list)) {
                if (item.getTagName().equals("Item")) {
                    member(item, members.size() + 1).ifPresent(members::add);
                }
            }
            return members;
        }

        private Optional<LrmxFamilyMember> member(Element item, int number) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Element child : children(item)) {
                values.put(child.getTagName(), clean(child.getTextContent()));
            }
            if (values.values().stream().allMatch(v -> v == null)) {
                return Optional.empty();
            }
            String birth = values.get("ChuShengRiQi");
            Optional<YearMonth> month = birth == null ? Optional.empty() : LrmxDates.month(birth);
            if (birth != null && month.isEmpty()) {
                problems.add(new LrmxProblem(LrmxElement.JiaTingChengYuan.name(),
                        "第" + number + "位家庭成员的出生日期应为 yyyyMM"));
            }
            return Optional.of(new LrmxFamilyMember(values.get("ChengWei"), values.get("XingMing"),
                    month.orElse(null), values.get("ZhengZhiMianMao"), values.get("GongZuoDanWeiJiZhiWu")));
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    /** Line ends as {@code \n}, outer whitespace removed, whitespace only → null. */
    private static String clean(String text) {
        String stripped = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }
}
