package org.zugong.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.zugong.cadre.LrmxDocument;
import org.zugong.cadre.LrmxEducation;
import org.zugong.cadre.LrmxFamilyMember;
import org.zugong.cadre.LrmxResumeLine;
import org.zugong.cadre.LrmxZip;
import org.zugong.organization.OrganizationKind;
import org.zugong.person.IdNumber;

/**
 * Writes a zip of {@code --files} 任免审批表 (.lrmx) of new cadres for the F11 import benchmark: fresh
 * valid ID numbers in region {@code 4399xx} (xx = the seed mod 100; no county of the data set has
 * it, so the numbers are not registered — use another seed for each real import), complete forms
 * like those of {@code LrmxImportApiTests}. The 现任职务 of each form begins with the exact name of
 * an organ or institution of the province data set (the tree is built again from the data set's
 * seed, no database needed), or with {@code --unnamed} names no unit, so the import needs
 * {@code orgId}.
 *
 * <pre>
 * java -cp … org.zugong.bench.ImportZip --out bench-data/import-1000.zip --files 1000 --seed 1 [--orgs 200000 --dataset-seed 42] [--unnamed]
 * </pre>
 */
public final class ImportZip {

    private ImportZip() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args, "out", "files", "seed", "orgs", "dataset-seed", "unnamed");
        Path out = a.path("out", "bench-data/import-1000.zip");
        int files = a.integer("files", 1000);
        long seed = a.number("seed", 1);
        boolean unnamed = Boolean.parseBoolean(a.text("unnamed", "false"));
        SplittableRandom seeds = new SplittableRandom(a.number("dataset-seed", 42));
        OrgTree tree = new OrgTreeBuilder(ProvinceCodes.load(), seeds.split(), ProvinceDataSet.AS_OF).build(a.integer("orgs", 200_000));
        List<OrgNode> units = tree.nodes().stream()
                .filter(n -> n.kind() == OrganizationKind.ORGAN || n.kind() == OrganizationKind.INSTITUTION).toList();
        SplittableRandom random = new SplittableRandom(seed);
        PersonTraits traits = new PersonTraits(ProvinceCodes.load());
        String region = String.format("4399%02d", Math.floorMod(seed, 100));
        Set<String> used = new HashSet<>();
        List<LrmxDocument> documents = new ArrayList<>();
        String[] titles = {"科员", "副科长", "科长", "副局长", "办公室主任", "一级主任科员"};
        while (documents.size() < files) {
            boolean male = random.nextInt(100) < 60;
            LocalDate birth = LocalDate.of(1968, 1, 1).plusDays(random.nextInt(30 * 365));
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            String id = IdNumber.withCheckDigit(region + birth.toString().replace("-", "") + String.format("%03d", sequence)).value();
            if (!used.add(id)) {
                continue;
            }
            String title = titles[random.nextInt(titles.length)];
            String post = unnamed ? "干部" + title : units.get(random.nextInt(units.size())).name() + title;
            documents.add(form(traits.name(random, male), id, post));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            LrmxZip.write(documents, o);
        }
        System.out.printf("Wrote %,d forms (%s, ID region %s) to %s, %,d bytes%n", documents.size(),
                unnamed ? "现任职务 without a unit: import with orgId" : "现任职务 begins with a unit of the data set", region, out,
                Files.size(out));
    }

    /** A complete form, as {@code LrmxImportApiTests.form} builds it. */
    static LrmxDocument form(String name, String idNumber, String currentPost) {
        IdNumber id = new IdNumber(idNumber);
        YearMonth work = YearMonth.from(id.birthDate().plusYears(22));
        return new LrmxDocument(name, "1".equals(id.sexCode()) ? "男" : "女", YearMonth.from(id.birthDate()), "汉族", "湖南长沙",
                "湖南长沙", work.toString().replace("-", ""), work, "健康", "经济师", "财政管理",
                new LrmxEducation("大学", "经济学学士", "湖南大学经济学院", "湖南大学经济学院财政学专业"),
                new LrmxEducation("研究生", null, "中共湖南省委党校", null),
                currentPost, null, null,
                List.of(new LrmxResumeLine(YearMonth.from(id.birthDate().plusYears(18)), work, "湖南大学经济学院财政学专业学习"),
                        new LrmxResumeLine(work, null, currentPost)),
                "无", "2023年度考核称职，2024年度考核优秀，2025年度考核称职", "工作需要",
                List.of(new LrmxFamilyMember("配偶", "周晓兰", YearMonth.of(1990, 5), "群众", "长沙市第一中学教师")),
                "中共湖南省委组织部", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 10), "干部科", idNumber, null, "3.2.1.16",
                Map.of());
    }
}
