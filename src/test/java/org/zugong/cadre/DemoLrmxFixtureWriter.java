package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.zugong.IntegrationTest;
import org.zugong.person.IdNumber;

/**
 * Writes {@code src/test/resources/lrmx/demo-cadres.zip}: twelve fictional cadres of units of the demo
 * city, not in the demo data, as the national editor would export them. Run on purpose only:
 * {@code ./mvnw -o verify -Dtest=DemoLrmxFixtureWriter -Dzugong.write-fixtures=true}.
 */
@EnabledIfSystemProperty(named = "zugong.write-fixtures", matches = "true")
class DemoLrmxFixtureWriter extends IntegrationTest {

    static final Path FIXTURE = Path.of("src", "test", "resources", "lrmx", "demo-cadres.zip");

    private static final String[][] PEOPLE = {
            {"林晓峰", "1", "1978-04-12", "局长", "湖南师范大学政治系思想政治教育专业学习"},
            {"唐雅琴", "2", "1983-09-03", "副局长", "湘潭大学法学院法学专业学习"},
            {"胡建平", "1", "1969-11-21", "党组书记", "湖南农业大学农学院农学专业学习"},
            {"陈思敏", "2", "1990-02-17", "办公室主任", "中南大学商学院会计学专业学习"},
            {"刘卫国", "1", "1972-07-30", "副局长", "长沙理工大学土木工程专业学习"},
            {"周丽华", "2", "1975-12-08", "局长", "湖南大学中文系汉语言文学专业学习"},
            {"黄志刚", "1", "1986-05-25", "科长", "湖南科技大学计算机科学与技术专业学习"},
            {"邓美玲", "2", "1992-10-14", "科员", "湖南工商大学财政学专业学习"},
            {"曾宪文", "1", "1966-03-02", "副主任", "湖南师范大学历史系历史学专业学习"},
            {"谢晓燕", "2", "1980-08-19", "副局长", "吉首大学经济学院经济学专业学习"},
            {"彭俊杰", "1", "1988-01-28", "副科长", "湖南大学公共管理学院行政管理专业学习"},
            {"罗婷", "2", "1995-06-06", "科员", "湘潭大学公共管理学院社会工作专业学习"}};

    @Test
    void writeFixture() throws Exception {
        List<String> units = jdbc.sql("""
                SELECT name FROM org_organization WHERE kind = 'ORGAN' AND (name LIKE '%局' OR name LIKE '%委员会' OR name LIKE '%部')
                  AND active ORDER BY id""").query(String.class).list();
        assertThat(units).hasSizeGreaterThan(PEOPLE.length);
        List<LrmxDocument> documents = new ArrayList<>();
        for (int i = 0; i < PEOPLE.length; i++) {
            String[] p = PEOPLE[i];
            LocalDate birth = LocalDate.parse(p[2]);
            String unit = units.get((i * 7) % units.size());
            String id = IdNumber.withCheckDigit("430198" + p[2].replace("-", "") + String.format("%02d", i + 10) + ("1".equals(p[1]) ? "1" : "2")).value();
            YearMonth study = YearMonth.from(birth.plusYears(18)).withMonth(9);
            YearMonth work = study.plusYears(4).withMonth(7);
            YearMonth deputy = work.plusYears(8);
            YearMonth current = deputy.plusYears(4).isAfter(YearMonth.of(2025, 6)) ? YearMonth.of(2025, 6) : deputy.plusYears(4);
            List<LrmxResumeLine> resume = List.of(
                    new LrmxResumeLine(study, work, p[4]),
                    new LrmxResumeLine(work, deputy, unit + "科员"),
                    new LrmxResumeLine(deputy, current, unit + "副科长、科长"),
                    new LrmxResumeLine(current, null, unit + p[3]));
            String party = "1".equals(p[1]) || i % 3 != 0 ? YearMonth.from(birth.plusYears(21)).toString().replace("-", "") : null;
            documents.add(new LrmxDocument(p[0], "1".equals(p[1]) ? "男" : "女", YearMonth.from(birth), i == 4 ? "土家族" : "汉族",
                    "湖南湘云", "湖南湘云", party, work, "健康", i % 2 == 0 ? "经济师" : null, i % 2 == 0 ? "经济管理" : "公共管理",
                    new LrmxEducation(i % 4 == 0 ? "研究生" : "大学", i % 4 == 0 ? "法学硕士" : "法学学士",
                            p[4].replace("学习", "").replaceAll("专业$", ""), p[4].replace("学习", "")),
                    i % 3 == 0 ? new LrmxEducation("研究生", null, "中共湖南省委党校", "中共湖南省委党校经济管理专业") : null,
                    unit + p[3], null, null, resume,
                    i == 7 ? "2023年3月受到诫勉处理" : "无",
                    "2023年度考核称职，2024年度考核" + (i % 4 == 1 ? "优秀" : "称职") + "，2025年度考核称职", null,
                    List.of(new LrmxFamilyMember("1".equals(p[1]) ? "妻子" : "丈夫", "1".equals(p[1]) ? "王秀英" : "张建军",
                                    YearMonth.from(birth.plusYears(1)), "中共党员", "湘云市第一中学教师"),
                            new LrmxFamilyMember("1".equals(p[1]) ? "儿子" : "女儿", p[0].charAt(0) + "子涵",
                                    YearMonth.from(birth.plusYears(28)), "群众", "学生"),
                            new LrmxFamilyMember("父亲", p[0].charAt(0) + "德明", YearMonth.from(birth.minusYears(27)), "群众", "退休")),
                    "中共湘云市委组织部", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10), "干部一科", id,
                    i < 6 ? photo(p[0], i) : null, "3.2.1.16", i == 0 ? Map.of("DaoLingNianYue", "204104") : Map.of()));
        }
        Files.write(FIXTURE, LrmxZip.write(documents));
    }

    /** A 2-inch (295×413) grey portrait placeholder, a real JPEG. */
    private static byte[] photo(String name, int i) throws Exception {
        BufferedImage image = new BufferedImage(295, 413, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(70, 110, 170));
        g.fillRect(0, 0, 295, 413);
        g.setColor(new Color(230, 230, 230 - i * 5));
        g.fillOval(92, 70, 110, 140);
        g.fillRoundRect(40, 230, 215, 200, 90, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
