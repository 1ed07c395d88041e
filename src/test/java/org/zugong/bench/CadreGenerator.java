package org.zugong.bench;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.zugong.cadre.AppointmentMethod;
import org.zugong.cadre.CadreCategory;
import org.zugong.cadre.CadreRecordKind;
import org.zugong.cadre.JobClass;
import org.zugong.cadre.ManagementLevel;
import org.zugong.cadre.Rank;
import org.zugong.cadre.RankLeadingPost;
import org.zugong.cadre.RetirementGroup;
import org.zugong.organization.OrganizationKind;

/**
 * Cadre files (干部档案) for a share of the persons who work in organs, institutions and state
 * enterprises: the profile, 1–3 posts, 1–3 ranks for 公务员/参公, annual results 2021–2025 and, for
 * about 3 %, a measure (诫勉, 党纪处分, 立案审查) with its period of effect. Each cadre's rows come from
 * a generator seeded by the data set's seed and the person id, so every table can be written in its
 * own COPY pass (the cadre is built again for each) and a seed always gives the same files.
 */
final class CadreGenerator {

    /** The persons chosen while the person rows stream by: id, unit, sex, birth and work start. */
    record Seed(long personId, OrgNode unit, boolean male, LocalDate birth, LocalDate workStart) {
    }

    record Post(long orgId, String title, RankLeadingPost level, AppointmentMethod method, LocalDate start, LocalDate end) {
    }

    record RankRow(Rank rank, LocalDate start, LocalDate end) {
    }

    record Measure(CadreRecordKind kind, String title, String authority, LocalDate decided, LocalDate effectStart, LocalDate effectEnd) {
    }

    /** One cadre's whole file, as written. */
    record Cadre(Seed seed, CadreCategory category, JobClass jobClass, ManagementLevel managementLevel, RetirementGroup group,
                 String currentPostText, List<Post> posts, List<RankRow> ranks, List<String[]> annual, List<Measure> records) {

        Post currentLeading() {
            Post p = posts.getLast();
            return p.level() == null ? null : p;
        }

        RankRow currentRank() {
            return ranks.isEmpty() ? null : ranks.getLast();
        }
    }

    static final String PROFILE_SQL = """
            COPY cadre_profile (person_id, org_id, category, job_class, management_level, retirement_group, health,
                current_post_text, post_level, post_since, rank, rank_since, created_by, updated_by)
            FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String POST_SQL = """
            COPY cadre_post (person_id, org_id, title, post_level, method, start_date, end_date, created_by, updated_by)
            FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String RANK_SQL = """
            COPY cadre_rank (person_id, rank, start_date, end_date, created_by) FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String ANNUAL_SQL = """
            COPY cadre_annual_result (person_id, year, code) FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String RECORD_SQL = """
            COPY cadre_record (person_id, kind, title, authority, decided_on, effect_start, effect_end, created_by)
            FROM STDIN WITH (FORMAT text, FREEZE true)""";

    static final int FIRST_YEAR = 2021;
    static final int LAST_YEAR = 2025;
    private static final Rank[] RANKS = Rank.values();

    private final long seed;
    private final LocalDate asOf;

    CadreGenerator(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
    }

    /** Whether persons working in this unit can hold a cadre file. */
    static boolean eligibleUnit(OrgNode unit) {
        OrganizationKind k = unit.kind();
        return k == OrganizationKind.ORGAN || k == OrganizationKind.INSTITUTION || k == OrganizationKind.STATE_ENTERPRISE;
    }

    /**
     * Passes the person rows through unchanged and picks cadres among the active persons aged 22–59
     * of organs, institutions and state enterprises, with its own random numbers (the persons stay
     * exactly those of the same seed without cadres).
     */
    static Iterator<PersonRow> picking(Iterator<PersonRow> persons, OrgTree tree, double probability, SplittableRandom random,
                                       LocalDate asOf, List<Seed> picked) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return persons.hasNext();
            }

            @Override
            public PersonRow next() {
                PersonRow p = persons.next();
                OrgNode unit = tree.nodes().get(Math.toIntExact(p.orgId() - 1));
                if (eligibleUnit(unit) && p.active()) {
                    int age = Period.between(p.birthDate(), asOf).getYears();
                    if (age >= 22 && age <= 59 && random.nextDouble() < probability) {
                        picked.add(new Seed(p.id(), unit, "1".equals(p.sex()), p.birthDate(), p.workStartDate()));
                    }
                }
                return p;
            }
        };
    }

    Cadre build(Seed s) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + s.personId());
        OrganizationKind kind = s.unit().kind();
        CadreCategory category = switch (kind) {
            case ORGAN -> r.nextInt(100) < 85 ? CadreCategory.公务员 : CadreCategory.参公;
            case INSTITUTION -> r.nextInt(100) < 30 ? CadreCategory.参公 : CadreCategory.事业;
            default -> CadreCategory.国企;
        };
        boolean civil = category == CadreCategory.公务员 || category == CadreCategory.参公;
        JobClass jobClass = !civil ? null : r.nextInt(100) < 70 ? JobClass.综合管理类
                : r.nextBoolean() ? JobClass.专业技术类 : JobClass.行政执法类;
        int roll = r.nextInt(100);
        RankLeadingPost level = roll < 2 ? RankLeadingPost.县处级正职 : roll < 6 ? RankLeadingPost.县处级副职
                : roll < 15 ? RankLeadingPost.乡科级正职 : roll < 32 ? RankLeadingPost.乡科级副职 : null;
        ManagementLevel management = level == null ? ManagementLevel.其他
                : level.name().startsWith("县处级") ? ManagementLevel.市管 : ManagementLevel.县管;
        LocalDate workStart = s.workStart().isAfter(asOf.minusYears(1)) ? asOf.minusYears(1) : s.workStart();

        // Posts, oldest first; the last one is current (end_date null).
        int postCount = 1 + r.nextInt(3);
        List<Post> posts = new ArrayList<>();
        LocalDate start = latest(asOf.minusDays(1 + r.nextInt(8 * 365)), workStart);
        RankLeadingPost l = level;
        for (int i = 0; i < postCount; i++) {
            LocalDate end = posts.isEmpty() ? null : posts.getFirst().start().minusDays(1);
            posts.addFirst(new Post(s.unit().id(), title(kind, l, r), l,
                    l == RankLeadingPost.县处级正职 ? AppointmentMethod.选任 : AppointmentMethod.委任, start, end));
            LocalDate earlier = start.minusDays(730 + r.nextInt(3 * 365));
            if (earlier.isBefore(workStart)) {
                break;
            }
            start = earlier;
            l = lower(l);
        }

        // Ranks (公务员/参公 only), oldest first; the last one is current.
        List<RankRow> ranks = new ArrayList<>();
        if (civil) {
            int years = Period.between(workStart, asOf).getYears();
            int ordinal = years < 3 ? 11 : years < 6 ? 10 : years < 10 ? 9 : years < 15 ? 8 : years < 20 ? 7 : years < 25 ? 6 : 5;
            ordinal = Math.clamp(ordinal + r.nextInt(3) - 1 - (level != null && level.name().startsWith("县处级") ? 2 : 0), 3, 11);
            LocalDate since = latest(asOf.minusDays(30 + r.nextInt(7 * 365)), workStart);
            int rankCount = 1 + r.nextInt(3);
            for (int i = 0; i < rankCount && ordinal < RANKS.length; i++) {
                LocalDate end = ranks.isEmpty() ? null : ranks.getFirst().start().minusDays(1);
                ranks.addFirst(new RankRow(RANKS[ordinal], since, end));
                LocalDate earlier = since.minusDays(730 + r.nextInt(2 * 365));
                if (earlier.isBefore(workStart)) {
                    break;
                }
                since = earlier;
                ordinal++;
            }
        }

        List<String[]> annual = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            if (workStart.getYear() <= year) {
                int g = r.nextInt(1000);
                annual.add(new String[] {Integer.toString(year), g < 150 ? "1" : g < 975 ? "2" : g < 993 ? "3" : "4"});
            }
        }

        List<Measure> records = new ArrayList<>();
        String authority = "中共" + s.unit().home().name() + "纪律检查委员会";
        if (r.nextInt(1000) < 30) {
            LocalDate decided = latest(asOf.minusDays(r.nextInt(6 * 365)), workStart);
            int k = r.nextInt(100);
            if (k < 50) {
                records.add(new Measure(CadreRecordKind.诫勉, "诫勉", "中共" + s.unit().home().name() + "委员会组织部", decided,
                        decided, decided.plusMonths(6).minusDays(1)));
            } else if (k < 85) {
                int months = new int[] {6, 12, 18, 24}[r.nextInt(4)];
                String title = months == 6 ? "党内警告处分" : months == 12 ? "党内严重警告处分" : "撤销党内职务处分";
                records.add(new Measure(CadreRecordKind.党纪处分, title, authority, decided, decided, decided.plusMonths(months).minusDays(1)));
            } else {
                boolean open = decided.isAfter(asOf.minusYears(1));
                records.add(new Measure(CadreRecordKind.立案审查, "立案审查", authority, decided, decided,
                        open ? null : decided.plusMonths(3 + r.nextInt(7))));
            }
        }
        if (r.nextInt(100) < 5) {
            LocalDate decided = latest(asOf.minusDays(r.nextInt(6 * 365)), workStart);
            records.add(new Measure(CadreRecordKind.奖励, r.nextBoolean() ? "嘉奖" : "记三等功", "中共" + s.unit().home().name() + "委员会",
                    decided, null, null));
        }
        Post current = posts.getLast();
        return new Cadre(s, category, jobClass, management, s.male() ? RetirementGroup.MALE_60 : RetirementGroup.FEMALE_55,
                s.unit().name() + current.title(), List.copyOf(posts), List.copyOf(ranks), annual, records);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static RankLeadingPost lower(RankLeadingPost l) {
        if (l == null) {
            return null;
        }
        return switch (l) {
            case 县处级正职 -> RankLeadingPost.县处级副职;
            case 县处级副职 -> RankLeadingPost.乡科级正职;
            case 乡科级正职 -> RankLeadingPost.乡科级副职;
            default -> null;
        };
    }

    private static String title(OrganizationKind kind, RankLeadingPost level, SplittableRandom r) {
        if (level == null) {
            return switch (kind) {
                case ORGAN -> r.nextBoolean() ? "科员" : "办公室科员";
                case INSTITUTION -> r.nextBoolean() ? "专业技术人员" : "办公室干部";
                default -> r.nextBoolean() ? "职员" : "部门主管";
            };
        }
        return switch (level) {
            case 县处级正职 -> kind == OrganizationKind.STATE_ENTERPRISE ? "董事长" : kind == OrganizationKind.INSTITUTION ? "院长" : "局长";
            case 县处级副职 -> kind == OrganizationKind.STATE_ENTERPRISE ? "副总经理" : kind == OrganizationKind.INSTITUTION ? "副院长" : "副局长";
            case 乡科级正职 -> kind == OrganizationKind.STATE_ENTERPRISE ? "部门经理" : "科长";
            default -> kind == OrganizationKind.STATE_ENTERPRISE ? "部门副经理" : "副科长";
        };
    }

    // ---- COPY encoders, one per table; each builds the cadre again from its seed.

    static Iterator<Cadre> cadres(List<Seed> seeds, CadreGenerator g) {
        Iterator<Seed> it = seeds.iterator();
        return new Iterator<>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public Cadre next() {
                return g.build(it.next());
            }
        };
    }

    static void profile(Cadre c, CopyText row) {
        Post leading = c.currentLeading();
        RankRow rank = c.currentRank();
        row.number(c.seed().personId()).number(c.seed().unit().id()).text(c.category().name())
                .text(c.jobClass() == null ? null : c.jobClass().name()).text(c.managementLevel().name())
                .text(c.group().name()).text("健康").text(c.currentPostText())
                .text(leading == null ? null : leading.level().name()).date(leading == null ? null : leading.start())
                .text(rank == null ? null : rank.rank().name()).date(rank == null ? null : rank.start())
                .text(ProvinceDataSet.CREATED_BY).text(ProvinceDataSet.CREATED_BY).endRow();
    }

    static void posts(Cadre c, CopyText row) {
        for (Post p : c.posts()) {
            row.number(c.seed().personId()).number(p.orgId()).text(p.title()).text(p.level() == null ? null : p.level().name())
                    .text(p.method().name()).date(p.start()).date(p.end())
                    .text(ProvinceDataSet.CREATED_BY).text(ProvinceDataSet.CREATED_BY).endRow();
        }
    }

    static void ranks(Cadre c, CopyText row) {
        for (RankRow k : c.ranks()) {
            row.number(c.seed().personId()).text(k.rank().name()).date(k.start()).date(k.end()).text(ProvinceDataSet.CREATED_BY).endRow();
        }
    }

    static void annual(Cadre c, CopyText row) {
        for (String[] a : c.annual()) {
            row.number(c.seed().personId()).text(a[0]).text(a[1]).endRow();
        }
    }

    static void records(Cadre c, CopyText row) {
        for (Measure m : c.records()) {
            row.number(c.seed().personId()).text(m.kind().name()).text(m.title()).text(m.authority()).date(m.decided())
                    .date(m.effectStart()).date(m.effectEnd()).text(ProvinceDataSet.CREATED_BY).endRow();
        }
    }

    /** The five tables in load order, each with its COPY statement and encoder. */
    static List<Table> tables() {
        return List.of(new Table("cadre_profile", PROFILE_SQL, CadreGenerator::profile),
                new Table("cadre_post", POST_SQL, CadreGenerator::posts),
                new Table("cadre_rank", RANK_SQL, CadreGenerator::ranks),
                new Table("cadre_annual_result", ANNUAL_SQL, CadreGenerator::annual),
                new Table("cadre_record", RECORD_SQL, CadreGenerator::records));
    }

    record Table(String name, String sql, java.util.function.BiConsumer<Cadre, CopyText> encoder) {
    }
}
