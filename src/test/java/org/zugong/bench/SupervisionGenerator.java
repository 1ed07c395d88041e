package org.zugong.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Supervision records of the cadres, with dates before {@link ProvinceDataSet#AS_OF} so that a seed
 * gives the same set (shares as bench/sql/warning-facts.sql, which they replace on these data sets):
 * 提醒谈话 3 % (a third within the last year), 函询 1.5 % (overdue and open, open within the deadline
 * of AS_OF, resolved), 信访 1 % (open, resolved); for those who must report (个人事项2017: a 县处级 post,
 * or 参公/国企 — PersonalReportRules, copied by hand) the 个人有关事项报告 of 2025 and 2026 (due on 31 January
 * of the year: 97 % on time, the rest in February; 5 % of 2026's missing) with two or three encrypted
 * items, and a check of 10 % of the 2025 reports (随机抽查; 如实, 漏报 10 %, 瞒报 1.5 %). These are the
 * inputs of the supervision warning rules. Each cadre's rows come from a generator seeded by the seed
 * and its person id; a report's id is person id × 10 + (year − 2020), unique as there is one per person and year.
 */
final class SupervisionGenerator {

    static final int[] REPORT_YEARS = {2025, 2026};

    record Record(String kind, LocalDate date, String summary, String authority, LocalDate deadline, String status, String result,
                  LocalDate end) {
    }

    record Item(int seq, String kind, String content) {
    }

    record Report(long id, int year, LocalDate submitted, List<Item> items, String checkResult, LocalDate checkedOn) {
    }

    record Supervised(long personId, long orgId, List<Record> records, List<Report> reports) {
    }

    private final long seed;
    private final LocalDate asOf;
    private final CadreGenerator cadres;

    SupervisionGenerator(long seed, LocalDate asOf, CadreGenerator cadres) {
        this.seed = seed;
        this.asOf = asOf;
        this.cadres = cadres;
    }

    Supervised supervise(CadreGenerator.Seed s) {
        SplittableRandom r = new SplittableRandom(seed * 0xD6E8FEB86659FD93L + s.personId());
        List<Record> records = new ArrayList<>();
        String home = s.unit().home().name();
        int talk = r.nextInt(1000);
        if (talk < 30) {
            LocalDate d = talk < 10 ? asOf.minusDays(1 + r.nextInt(360)) : asOf.minusDays(395 + r.nextInt(700));
            records.add(new Record("REMINDER_TALK", d, "就工作作风问题进行提醒谈话", home + "组织部", null, null, null, null));
        }
        int letter = r.nextInt(1000);
        if (letter < 15) {
            String open = new String[] {"PENDING", "RECEIVED", "INVESTIGATING"}[r.nextInt(3)];
            if (letter < 3) {
                LocalDate d = asOf.minusDays(40 + r.nextInt(200));
                records.add(new Record("INQUIRY_LETTER", d, "就反映的问题函询本人", home + "纪委监委", d.plusDays(15 + r.nextInt(15)), open, null, null));
            } else if (letter < 5) {
                LocalDate d = asOf.minusDays(1 + r.nextInt(10));
                records.add(new Record("INQUIRY_LETTER", d, "就反映的问题函询本人", home + "纪委监委", asOf.plusDays(10), "PENDING", null, null));
            } else {
                LocalDate d = asOf.minusDays(200 + r.nextInt(700));
                records.add(new Record("INQUIRY_LETTER", d, "就反映的问题函询本人", home + "纪委监委", d.plusDays(30), "RESOLVED",
                        "说明清楚，予以了结", d.plusDays(10 + r.nextInt(20))));
            }
        }
        int petition = r.nextInt(1000);
        if (petition < 10) {
            if (petition < 2) {
                records.add(new Record("PETITION", asOf.minusDays(1 + r.nextInt(120)), "群众来信反映相关问题", null, null,
                        new String[] {"PENDING", "RECEIVED", "INVESTIGATING"}[r.nextInt(3)], null, null));
            } else {
                LocalDate d = asOf.minusDays(150 + r.nextInt(700));
                records.add(new Record("PETITION", d, "群众来信反映相关问题", null, null, "RESOLVED", "查无实据", d.plusDays(20 + r.nextInt(60))));
            }
        }
        List<Report> reports = new ArrayList<>();
        if (mustReport(cadres.build(s))) {
            for (int year : REPORT_YEARS) {
                int when = r.nextInt(100);
                if (year == REPORT_YEARS[1] && when < 5) {
                    continue;
                }
                LocalDate submitted = when < 97 ? LocalDate.of(year, 1, 3).plusDays(r.nextInt(28)) : LocalDate.of(year, 2, 1).plusDays(r.nextInt(20));
                List<Item> items = new ArrayList<>();
                items.add(new Item(1, "婚姻", r.nextInt(10) < 9 ? "已婚，配偶在本地工作" : "未婚"));
                items.add(new Item(2, "工资收入", "年工资收入约" + (10 + r.nextInt(15)) + "万元"));
                if (r.nextBoolean()) {
                    items.add(new Item(3, "房产", "本人与配偶共有住房一套（" + (70 + r.nextInt(80)) + "平方米）"));
                }
                String result = null;
                LocalDate checked = null;
                if (year == REPORT_YEARS[0] && r.nextInt(10) == 0) {
                    int k = r.nextInt(1000);
                    result = k < 15 ? "瞒报" : k < 115 ? "漏报" : "如实";
                    checked = submitted.plusDays(60 + r.nextInt(200));
                }
                reports.add(new Report(s.personId() * 10 + (year - 2020), year, submitted, items, result, checked));
            }
        }
        return new Supervised(s.personId(), s.unit().id(), records, reports);
    }

    /** 个人事项2017's reporters: a 县处级 post, or the categories 参公 and 国企 (PersonalReportRules). */
    static boolean mustReport(CadreGenerator.Cadre c) {
        CadreGenerator.Post leading = c.currentLeading();
        return leading != null && leading.level().name().startsWith("县处级")
                || c.category() == org.zugong.cadre.CadreCategory.参公 || c.category() == org.zugong.cadre.CadreCategory.国企;
    }

    // ---- COPY ------------------------------------------------------------------------------------

    static final String RECORD_SQL = """
            COPY supervision_record (person_id, org_id, kind, record_date, summary, authority, deadline, status, result, end_date,
                created_by, updated_by) FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String REPORT_SQL = """
            COPY supervision_report (id, person_id, org_id, year, submitted_on, created_by, updated_by)
            FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String ITEM_SQL = """
            COPY supervision_report_item (report_id, seq, item_kind, content_cipher) FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String CHECK_SQL = """
            COPY supervision_report_check (person_id, org_id, year, reason, result, checked_on, created_by, updated_by)
            FROM STDIN WITH (FORMAT text, FREEZE true)""";

    static void records(Supervised s, CopyText row) {
        for (Record r : s.records()) {
            row.number(s.personId()).number(s.orgId()).text(r.kind()).date(r.date()).text(r.summary()).text(r.authority())
                    .date(r.deadline()).text(r.status()).text(r.result()).date(r.end()).text(ProvinceDataSet.CREATED_BY)
                    .text(ProvinceDataSet.CREATED_BY).endRow();
        }
    }

    static void reports(Supervised s, CopyText row) {
        for (Report r : s.reports()) {
            row.number(r.id()).number(s.personId()).number(s.orgId()).number(r.year()).date(r.submitted())
                    .text(ProvinceDataSet.CREATED_BY).text(ProvinceDataSet.CREATED_BY).endRow();
        }
    }

    /** The items' contents, SM4-encrypted as FieldCipher does. */
    static BiConsumer<Supervised, CopyText> items(BenchCipher cipher) {
        return (s, row) -> {
            for (Report r : s.reports()) {
                for (Item i : r.items()) {
                    row.number(r.id()).number(i.seq()).text(i.kind()).bytea(cipher.encrypt(i.content())).endRow();
                }
            }
        };
    }

    static void checks(Supervised s, CopyText row) {
        for (Report r : s.reports()) {
            if (r.checkResult() != null) {
                row.number(s.personId()).number(s.orgId()).number(r.year()).text("随机抽查").text(r.checkResult())
                        .date(r.checkedOn()).text(ProvinceDataSet.CREATED_BY).text(ProvinceDataSet.CREATED_BY).endRow();
            }
        }
    }

    record Table(String name, String sql, BiConsumer<Supervised, CopyText> encoder) {
    }

    static List<Table> tables(BenchCipher cipher) {
        return List.of(new Table("supervision_record", RECORD_SQL, SupervisionGenerator::records),
                new Table("supervision_report", REPORT_SQL, SupervisionGenerator::reports),
                new Table("supervision_report_item", ITEM_SQL, items(cipher)),
                new Table("supervision_report_check", CHECK_SQL, SupervisionGenerator::checks));
    }

    Iterator<Supervised> supervised(List<CadreGenerator.Seed> seeds) {
        Iterator<CadreGenerator.Seed> it = seeds.iterator();
        return new Iterator<>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public Supervised next() {
                return supervise(it.next());
            }
        };
    }
}
