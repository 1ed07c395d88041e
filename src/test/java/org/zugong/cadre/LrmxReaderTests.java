package org.zugong.cadre;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.zugong.cadre.LrmxFixtures.MAN_ID;
import static org.zugong.cadre.LrmxFixtures.WIFE_ID;
import static org.zugong.cadre.LrmxFixtures.read;
import static org.zugong.cadre.LrmxFixtures.readText;
import static org.zugong.cadre.LrmxFixtures.text;

/** Reading 干部任免审批表 files leniently: every field, odd encodings and shapes seen in the wild. */
class LrmxReaderTests {

    @Test
    void fixturesUseValidIdNumbers() {
        assertThat(text("full.lrmx")).contains("<ShenFenZheng>" + MAN_ID + "</ShenFenZheng>");
        assertThat(text("unknown-elements.lrmx")).contains("<ShenFenZheng>" + WIFE_ID + "</ShenFenZheng>");
    }

    @Test
    void readsEveryFieldOfAFullValidFile() {
        LrmxParseResult result = read("full.lrmx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.isClean()).isTrue();
        LrmxDocument d = result.document();
        assertThat(d.name()).isEqualTo("李明远");
        assertThat(d.sex()).isEqualTo("男");
        assertThat(d.birthMonth()).isEqualTo(YearMonth.of(1985, 3));
        assertThat(d.ethnicity()).isEqualTo("汉族");
        assertThat(d.nativePlace()).isEqualTo("湖南长沙");
        assertThat(d.birthPlace()).isEqualTo("湖南长沙");
        assertThat(d.partyJoin()).isEqualTo("200706");
        assertThat(d.workStart()).isEqualTo(YearMonth.of(2007, 7));
        assertThat(d.health()).isEqualTo("健康");
        assertThat(d.professionalTitle()).isEqualTo("高级经济师");
        assertThat(d.specialty()).isEqualTo("经济管理");
        assertThat(d.fullTimeEducation()).isEqualTo(new LrmxEducation("大学", "经济学学士",
                "湖南大学经济与贸易学院", "湖南大学经济与贸易学院国际贸易专业"));
        assertThat(d.inServiceEducation()).isEqualTo(new LrmxEducation("研究生", "管理学硕士",
                "中共湖南省委党校", "中南大学商学院工商管理专业"));
        assertThat(d.currentPost()).isEqualTo("示范县发展和改革局局长");
        assertThat(d.proposedPost()).isEqualTo("示范县副县长");
        assertThat(d.proposedRemoval()).isEqualTo("示范县发展和改革局局长职务");
        assertThat(d.resume()).containsExactly(
                new LrmxResumeLine(YearMonth.of(2003, 9), YearMonth.of(2007, 7), "湖南大学经济与贸易学院国际贸易专业学习"),
                new LrmxResumeLine(YearMonth.of(2007, 7), YearMonth.of(2016, 3), "示范县发展和改革局科员、副主任科员"),
                new LrmxResumeLine(YearMonth.of(2016, 3), YearMonth.of(2021, 6), "示范县发展和改革局副局长"));
        assertThat(d.rewardsAndPunishments()).isEqualTo("2019年被评为示范市优秀共产党员");
        assertThat(d.annualAssessment()).isEqualTo("2021年度考核称职，2022年度考核优秀，2023年度考核称职");
        assertThat(d.appointmentReason()).isEqualTo("工作需要");
        assertThat(d.family()).containsExactly(
                new LrmxFamilyMember("妻子", "王雪梅", YearMonth.of(1987, 9), "中共党员", "示范县第一中学教师"),
                new LrmxFamilyMember("儿子", "李子航", YearMonth.of(2013, 4), "群众", "示范县实验小学学生"));
        assertThat(d.reportingUnit()).isEqualTo("中共示范县委");
        assertThat(d.ageComputedOn()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(d.filledOn()).isEqualTo(LocalDate.of(2024, 6, 10));
        assertThat(d.filledBy()).isEqualTo("赵晓");
        assertThat(d.idNumber()).isEqualTo(MAN_ID);
        assertThat(d.photo()).isEqualTo(LrmxFixtures.bytes("photo.jpg"));
        assertThat(d.version()).isEqualTo("3.2.1.16");
        assertThat(d.unknown()).isEmpty();
    }

    @Test
    void readsAFileStartingWithAUtf8ByteOrderMarkLikeOneWithout() {
        assertThat(LrmxFixtures.bytes("bom.lrmx")).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        LrmxParseResult result = read("bom.lrmx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.document()).usingRecursiveComparison().isEqualTo(read("full.lrmx").document());
    }

    @Test
    void readsACrlfResumeWithAnOpenEndWrittenAsSpacesAndAContinuationLine() {
        assertThat(text("crlf-resume.lrmx")).contains("2021.06--         示范县", "\r\n                  （其间");

        LrmxParseResult result = read("crlf-resume.lrmx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.document().resume()).containsExactly(
                new LrmxResumeLine(YearMonth.of(2003, 9), YearMonth.of(2007, 7), "湖南大学经济与贸易学院国际贸易专业学习"),
                new LrmxResumeLine(YearMonth.of(2007, 7), YearMonth.of(2021, 6),
                        "示范县发展和改革局科员、副主任科员、副局长\n（其间：2012.09--2014.07在中共湖南省委党校研究生班学习）"),
                new LrmxResumeLine(YearMonth.of(2021, 6), null, "示范县发展和改革局局长"));
        assertThat(result.document().name()).doesNotContain("\r");
    }

    @Test
    void acceptsAnOpenEndWrittenAsNothing() {
        LrmxParseResult result = readText(xml("<JianLi>2021.06--  示范县发展和改革局局长</JianLi>"));

        assertThat(result.document().resume())
                .containsExactly(new LrmxResumeLine(YearMonth.of(2021, 6), null, "示范县发展和改革局局长"));
    }

    @Test
    void reportsAResumeWhoseFirstLineHasNoPeriod() {
        LrmxParseResult result = readText(xml("<JianLi>在示范县工作</JianLi>"));

        assertThat(result.problems()).extracting(LrmxProblem::field).containsExactly("JianLi");
        assertThat(result.document().resume()).containsExactly(new LrmxResumeLine(null, null, "在示范县工作"));
    }

    @Test
    void treatsElementsHoldingOnlyWhitespaceAsEmpty() {
        LrmxParseResult result = read("whitespace.lrmx");

        assertThat(result.problems()).isEmpty();
        LrmxDocument d = result.document();
        assertThat(d.ethnicity()).isNull();
        assertThat(d.nativePlace()).isNull();
        assertThat(d.partyJoin()).isNull();
        assertThat(d.workStart()).isNull();
        assertThat(d.proposedRemoval()).isNull();
        assertThat(d.ageComputedOn()).isNull();
        assertThat(d.photo()).isNull();
        assertThat(d.resume()).isEmpty();
        assertThat(d.family()).isEmpty();
        assertThat(d.name()).isEqualTo("李明远");
    }

    @Test
    void leavesMissingElementsNull() {
        LrmxParseResult result = read("missing.lrmx");

        assertThat(result.problems()).isEmpty();
        LrmxDocument d = result.document();
        assertThat(d.name()).isEqualTo("李明远");
        assertThat(d.idNumber()).isEqualTo(MAN_ID);
        assertThat(d.sex()).isNull();
        assertThat(d.birthMonth()).isNull();
        assertThat(d.currentPost()).isNull();
        assertThat(d.fullTimeEducation().isEmpty()).isTrue();
        assertThat(d.inServiceEducation().isEmpty()).isTrue();
        assertThat(d.filledOn()).isNull();
        assertThat(d.photo()).isNull();
        assertThat(d.version()).isNull();
        assertThat(d.resume()).isEmpty();
        assertThat(d.family()).isEmpty();
    }

    @Test
    void keepsUnknownElementsInFileOrder() {
        LrmxParseResult result = read("unknown-elements.lrmx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.document().unknown()).containsExactly(
                entry("DaoLingNianYue", "204709"),
                entry("ZhengZhiMianMao", "中共党员"),
                entry("GaiGeQianRenZhiNianLingJieXian", "55"));
    }

    @Test
    void readsAFileDeclaredAsGb2312InThatEncoding() {
        LrmxParseResult result = read("gbk.lrmx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.document().name()).isEqualTo("王雪梅");
        assertThat(result.document().unknown()).containsEntry("ZhengZhiMianMao", "中共党员");
    }

    @Test
    void reportsAWrongIdCheckDigitOnFieldShenFenZheng() {
        String wrong = MAN_ID.substring(0, 17) + (MAN_ID.charAt(17) == '0' ? '1' : '0');

        LrmxParseResult result = readText(text("full.lrmx").replace(MAN_ID, wrong));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("ShenFenZheng");
            assertThat(p.message()).startsWith("身份证号校验位错误");
        });
        assertThat(result.document()).isNotNull();
    }

    @Test
    void reportsABirthMonthThatDisagreesWithTheIdNumber() {
        LrmxParseResult result = readText(text("full.lrmx")
                .replace("<ChuShengNianYue>198503</ChuShengNianYue>", "<ChuShengNianYue>198504</ChuShengNianYue>"));

        assertThat(result.problems()).extracting(LrmxProblem::field, LrmxProblem::message)
                .containsExactly(tuple("ChuShengNianYue", "出生年月与身份证号中的出生日期（第7–14位）不一致"));
    }

    @Test
    void reportsASexThatDisagreesWithTheIdNumber() {
        LrmxParseResult result = readText(text("full.lrmx").replace("<XingBie>男</XingBie>", "<XingBie>女</XingBie>"));

        assertThat(result.problems()).extracting(LrmxProblem::field).containsExactly("XingBie");
    }

    @Test
    void reportsMalformedMonthsAndDaysInChinese() {
        LrmxParseResult result = readText(text("full.lrmx")
                .replace("<ChuShengNianYue>198503</ChuShengNianYue>", "<ChuShengNianYue>1985年</ChuShengNianYue>")
                .replace("<TianBiaoShiJian>20240610</TianBiaoShiJian>", "<TianBiaoShiJian>20241340</TianBiaoShiJian>"));

        assertThat(result.problems()).extracting(LrmxProblem::field, LrmxProblem::message).containsExactly(
                tuple("ChuShengNianYue", "出生年月应为 yyyyMM"),
                tuple("TianBiaoShiJian", "填表时间应为 yyyyMMdd"));
        assertThat(result.document().birthMonth()).isNull();
    }

    @Test
    void reportsAMissingIdNumber() {
        LrmxParseResult result = readText("<Person><XingMing>李明远</XingMing></Person>");

        assertThat(result.problems()).containsExactly(new LrmxProblem("ShenFenZheng", "请填写身份证号"));
    }

    @Test
    void keepsADemocraticPartyEntryAsWritten() {
        LrmxParseResult result = readText(xml("<RuDangShiJian>201206；民盟</RuDangShiJian>"));

        assertThat(result.document().partyJoin()).isEqualTo("201206；民盟");
    }

    @Test
    void rejectsAPhotoThatIsNotAJpeg() {
        String png = Base64.getEncoder().encodeToString(new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5});

        LrmxParseResult result = readText(xml("<ZhaoPian>" + png + "</ZhaoPian>"));

        assertThat(result.problems()).containsExactly(new LrmxProblem("ZhaoPian", "照片应为 JPEG 格式"));
        assertThat(result.document().photo()).isNull();
    }

    @Test
    void rejectsAFileThatIsNotXml() {
        LrmxParseResult result = LrmxReader.read("姓名,李明远".getBytes(StandardCharsets.UTF_8));

        assertThat(result.document()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("文件");
            assertThat(p.message()).startsWith("文件不是有效的 XML");
        });
    }

    @Test
    void rejectsAnotherRootElement() {
        LrmxParseResult result = readText("<Cadre><XingMing>李明远</XingMing></Cadre>");

        assertThat(result.document()).isNull();
        assertThat(result.problems()).extracting(LrmxProblem::field).containsExactly("文件");
    }

    /** A minimal valid person with one extra element. */
    private static String xml(String element) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Person><XingMing>李明远</XingMing>"
                + "<ShenFenZheng>" + MAN_ID + "</ShenFenZheng>" + element + "</Person>";
    }
}
