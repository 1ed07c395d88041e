package org.zugong.cadre;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.cadre.LrmxFixtures.read;

/** Writing 任免审批表 files exactly, and reading them back unchanged. */
class LrmxWriterTests {

    @ParameterizedTest
    @ValueSource(strings = {"full.lrmx", "bom.lrmx", "crlf-resume.lrmx", "whitespace.lrmx", "missing.lrmx",
            "unknown-elements.lrmx", "gbk.lrmx"})
    void readWriteReadGivesAnEqualDocument(String fixture) {
        LrmxDocument first = read(fixture).document();

        LrmxParseResult again = LrmxReader.read(LrmxWriter.write(first));

        assertThat(again.problems()).isEqualTo(read(fixture).problems());
        assertThat(again.document()).usingRecursiveComparison().isEqualTo(first);
        assertThat(again.document().photo()).isEqualTo(first.photo());
    }

    @Test
    void writesUtf8WithTheStandardDeclarationAndElementsInFormatOrder() {
        String xml = new String(LrmxWriter.write(read("missing.lrmx").document()), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Person>\r\n  <XingMing>李明远</XingMing>\r\n");
        assertThat(xml).contains("<XingBie></XingBie>", "<JiaTingChengYuan>\r\n  </JiaTingChengYuan>");
        int previous = -1;
        for (LrmxElement element : LrmxElement.values()) {
            int at = xml.indexOf("<" + element.name() + ">");
            assertThat(at).as(element.name()).isGreaterThan(previous);
            previous = at;
        }
        assertThat(xml).endsWith("</Person>\r\n");
    }

    @Test
    void writesResumeLinesWithCrlfAndAnOpenEndAsSevenSpaces() {
        String xml = LrmxWriter.toXml(read("crlf-resume.lrmx").document());

        assertThat(xml).contains("<JianLi>2003.09--2007.07  湖南大学经济与贸易学院国际贸易专业学习\r\n"
                + "2007.07--2021.06  示范县发展和改革局科员、副主任科员、副局长\r\n"
                + "                  （其间：2012.09--2014.07在中共湖南省委党校研究生班学习）\r\n"
                + "2021.06--         示范县发展和改革局局长</JianLi>");
    }

    @Test
    void writesFamilyAsItems() {
        String xml = LrmxWriter.toXml(read("full.lrmx").document());

        assertThat(xml).contains("  <JiaTingChengYuan>\r\n    <Item>\r\n      <ChengWei>妻子</ChengWei>\r\n"
                + "      <XingMing>王雪梅</XingMing>\r\n      <ChuShengRiQi>198709</ChuShengRiQi>\r\n");
    }

    @Test
    void writesUnknownElementsBackAtTheEndInTheirOriginalOrder() {
        String xml = LrmxWriter.toXml(read("unknown-elements.lrmx").document());

        assertThat(xml).containsSubsequence("<Version>3.2.1.6</Version>",
                "<DaoLingNianYue>204709</DaoLingNianYue>",
                "<ZhengZhiMianMao>中共党员</ZhengZhiMianMao>",
                "<GaiGeQianRenZhiNianLingJieXian>55</GaiGeQianRenZhiNianLingJieXian>",
                "</Person>");
    }

    @Test
    void writesThePhotoAsBase64AndReadsTheSameBytesBack() {
        byte[] jpeg = LrmxFixtures.bytes("photo.jpg");
        LrmxDocument document = read("full.lrmx").document();

        String xml = LrmxWriter.toXml(document);
        LrmxDocument back = LrmxReader.read(xml.getBytes(StandardCharsets.UTF_8)).document();

        assertThat(xml).contains("<ZhaoPian>" + Base64.getEncoder().encodeToString(jpeg) + "</ZhaoPian>");
        assertThat(back.photo()).isEqualTo(jpeg);
    }

    @Test
    void escapesMarkupAndDropsCharactersXmlCannotCarry() {
        LrmxDocument document = withName(read("missing.lrmx").document(), "李<明>&远\u0001");

        LrmxDocument back = LrmxReader.read(LrmxWriter.write(document)).document();

        assertThat(LrmxWriter.toXml(document)).contains("<XingMing>李&lt;明&gt;&amp;远</XingMing>");
        assertThat(back.name()).isEqualTo("李<明>&远");
    }

    @Test
    void writesAResumeBuiltInCode() {
        LrmxDocument document = withResume(read("missing.lrmx").document(), List.of(
                new LrmxResumeLine(YearMonth.of(2021, 6), null, "示范县发展和改革局局长\n（主持全面工作）")));

        assertThat(LrmxWriter.toXml(document)).contains(
                "<JianLi>2021.06--         示范县发展和改革局局长\r\n                  （主持全面工作）</JianLi>");
    }

    private static LrmxDocument withName(LrmxDocument d, String name) {
        return new LrmxDocument(name, d.sex(), d.birthMonth(), d.ethnicity(), d.nativePlace(), d.birthPlace(),
                d.partyJoin(), d.workStart(), d.health(), d.professionalTitle(), d.specialty(), d.fullTimeEducation(),
                d.inServiceEducation(), d.currentPost(), d.proposedPost(), d.proposedRemoval(), d.resume(),
                d.rewardsAndPunishments(), d.annualAssessment(), d.appointmentReason(), d.family(), d.reportingUnit(),
                d.ageComputedOn(), d.filledOn(), d.filledBy(), d.idNumber(), d.photo(), d.version(), d.unknown());
    }

    private static LrmxDocument withResume(LrmxDocument d, List<LrmxResumeLine> resume) {
        return new LrmxDocument(d.name(), d.sex(), d.birthMonth(), d.ethnicity(), d.nativePlace(), d.birthPlace(),
                d.partyJoin(), d.workStart(), d.health(), d.professionalTitle(), d.specialty(), d.fullTimeEducation(),
                d.inServiceEducation(), d.currentPost(), d.proposedPost(), d.proposedRemoval(), resume,
                d.rewardsAndPunishments(), d.annualAssessment(), d.appointmentReason(), d.family(), d.reportingUnit(),
                d.ageComputedOn(), d.filledOn(), d.filledBy(), d.idNumber(), d.photo(), d.version(), d.unknown());
    }
}
