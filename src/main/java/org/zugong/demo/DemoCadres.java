package org.zugong.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.zugong.cadre.AnnualGrade;
import org.zugong.cadre.AppointmentMethod;
import org.zugong.cadre.CadreCategory;
import org.zugong.cadre.CadreRecordKind;
import org.zugong.cadre.JobClass;
import org.zugong.cadre.ManagementLevel;
import org.zugong.cadre.Rank;
import org.zugong.cadre.RankLeadingPost;
import org.zugong.cadre.RetirementGroup;
import org.zugong.demo.DemoCadreFile.Annual;
import org.zugong.demo.DemoCadreFile.Education;
import org.zugong.demo.DemoCadreFile.FamilyMember;
import org.zugong.demo.DemoCadreFile.Post;
import org.zugong.demo.DemoCadreFile.RankRow;
import org.zugong.demo.DemoCadreFile.ResumeLine;
import org.zugong.organization.OrganizationKind;

/**
 * Writes a cadre file for every generated person with {@link PersonProfile#CADRE}, from the person and
 * the unit they work in. In each unit the cadres are ranked (older ones first, with some noise) and
 * given the unit's leading posts in order — 局长, 副局长, 科长… in an organ, 党委书记, 镇长, 副镇长… in a
 * township — the rest non-leading posts named by their rank (四级主任科员). Levels follow a city with
 * counties: a city bureau's head is 县处级正职 and its section chiefs 乡科级正职, a county bureau's head
 * 乡科级正职. Everything else of the file is made to agree with the person record and with itself: the
 * 现任职务 starts with the unit's full name (the LRMX import finds the unit by that prefix), the
 * 学历 texts give the person's education code back, ranks start on or after 2019-06-01 and follow
 * each other, the printed 年度考核 and 奖惩 texts are those of the rows.
 */
final class DemoCadres {

    private static final LocalDate PARALLEL_RANKS = LocalDate.of(2019, 6, 1);
    private static final int FIRST_ANNUAL_YEAR = 2021;
    private static final String PARTY_MEMBER = "01";
    private static final String PROBATIONARY_MEMBER = "02";

    private enum Place { CITY, COUNTY, TOWNSHIP }

    private enum UnitType { PARTY_ORGAN, ORGAN, TOWNSHIP_OFFICE, INSTITUTION, SCHOOL, ENTERPRISE, OTHER }

    /** Where a unit sits: its type, level and county (-1 at city level), and its 组织部 for 填报单位. */
    private record Unit(OrgSpec org, UnitType type, Place place, int countyKey, String region) {
    }

    /** A leading post of a unit, in the order they are handed out; {@code concurrent} is a Party post held with it. */
    private record Role(String title, RankLeadingPost level, AppointmentMethod method, String concurrent,
                        RankLeadingPost concurrentLevel) {

        static Role of(String title, RankLeadingPost level, AppointmentMethod method) {
            return new Role(title, level, method, null, null);
        }
    }

    private record Major(String name, String bachelor, String master) {
    }

    private static final List<Major> MAJORS = List.of(
            new Major("财政学", "经济学学士", "经济学硕士"), new Major("经济学", "经济学学士", "经济学硕士"),
            new Major("会计学", "管理学学士", "管理学硕士"), new Major("行政管理", "管理学学士", "管理学硕士"),
            new Major("法学", "法学学士", "法学硕士"), new Major("汉语言文学", "文学学士", "文学硕士"),
            new Major("思想政治教育", "法学学士", "法学硕士"), new Major("计算机科学与技术", "工学学士", "工学硕士"),
            new Major("土木工程", "工学学士", "工学硕士"), new Major("农学", "农学学士", "农学硕士"),
            new Major("公共事业管理", "管理学学士", "管理学硕士"), new Major("新闻学", "文学学士", "文学硕士"));
    private static final List<Major> MEDICAL_MAJORS = List.of(
            new Major("临床医学", "医学学士", "医学硕士"), new Major("预防医学", "医学学士", "医学硕士"),
            new Major("中医学", "医学学士", "医学硕士"), new Major("护理学", "理学学士", "医学硕士"));
    private static final List<String> UNIVERSITIES = List.of(
            "湖南大学", "中南大学", "湖南师范大学", "湘潭大学", "长沙理工大学", "湖南农业大学", "中南林业科技大学",
            "湖南科技大学", "南华大学", "吉首大学", "湖南工商大学", "湖南理工学院", "衡阳师范学院", "武汉大学", "华中师范大学");
    private static final List<String> MEDICAL_UNIVERSITIES = List.of("中南大学", "南华大学", "湖南中医药大学", "湖南师范大学", "吉首大学");
    private static final List<String> COLLEGES = List.of(
            "长沙民政职业技术学院", "湖南财经工业职业技术学院", "湖南司法警官职业学院", "湖南交通职业技术学院",
            "湖南生物机电职业技术学院", "湘云职业技术学院");
    private static final List<String> MEDICAL_COLLEGES = List.of("长沙卫生职业学院", "湖南中医药高等专科学校", "永州职业技术学院");
    private static final List<String> COUNTY_SECTIONS = List.of("办公室", "综合股", "计划财务股", "政策法规股", "行政审批股");
    private static final List<String> CITY_SECTIONS = List.of("办公室", "综合科", "政策法规科", "规划财务科", "人事科", "行政审批服务科");
    private static final Map<String, List<String>> SECTIONS = Map.ofEntries(
            Map.entry("组织部", List.of("干部一科", "组织科", "干部二科", "干部监督科", "公务员管理科", "人才工作科", "办公室")),
            Map.entry("办公室", List.of("秘书一科", "综合科", "督查室", "秘书二科", "信息科")),
            Map.entry("宣传部", List.of("办公室", "理论科", "宣传科", "新闻科", "文明创建科")),
            Map.entry("统一战线工作部", List.of("办公室", "党派科", "民族宗教科", "经济科")),
            Map.entry("政法委员会", List.of("办公室", "综治督导科", "执法监督科")),
            Map.entry("财政局", List.of("办公室", "预算科", "国库科", "综合科", "经济建设科", "社会保障科")),
            Map.entry("公安局", List.of("办公室", "指挥中心", "治安支队", "刑事侦查支队", "交通警察支队")),
            Map.entry("医院", List.of("医务科", "护理部", "内科", "外科", "院办公室")));
    private static final List<String> COUNTY_DEPARTMENT_SECTIONS = List.of("组织室", "干部室", "办公室", "干部监督室", "人才办");
    private static final List<String> ENFORCEMENT_ORGANS = List.of("市场监督管理局", "交通运输局", "应急管理局", "农业农村局",
            "生态环境局", "自然资源", "住房和城乡建设局", "水利局");
    private static final List<String> ENFORCEMENT_TITLES = List.of("四级主办", "三级主办", "二级主办", "一级主办", "四级高级主办");
    private static final List<String> TECHNICAL_TITLES = List.of("二级主管", "一级主管", "四级主任", "三级主任");
    /** Units of 参照公务员法管理 (mass organizations, Party schools, archives…), told by their name. */
    private static final List<String> PARTICIPATING_UNITS = List.of("总工会", "共青团", "妇女联合会", "工商业联合会", "党校", "档案馆",
            "供销合作社", "科学技术协会", "文学艺术界联合会");

    private final Random random;
    private final LocalDate today;
    private final DemoNames names;
    private final List<OrgSpec> orgs;
    private final Map<Integer, Unit> units = new HashMap<>();
    private final Map<String, List<Integer>> peers = new HashMap<>();
    private final List<OrgSpec> villages = new ArrayList<>();
    private final List<OrgSpec> workplaces = new ArrayList<>();
    private final List<OrgSpec> schools = new ArrayList<>();

    DemoCadres(Random random, LocalDate today, DemoNames names, List<OrgSpec> orgs) {
        this.random = random;
        this.today = today;
        this.names = names;
        this.orgs = orgs;
        for (OrgSpec o : orgs) {
            switch (o.kind()) {
                case VILLAGE -> villages.add(o);
                case SCHOOL -> {
                    schools.add(o);
                    workplaces.add(o);
                }
                case ORGAN, INSTITUTION, STATE_ENTERPRISE -> workplaces.add(o);
                default -> {
                }
            }
        }
    }

    /** The files of all cadres among {@code people}, in person order. */
    List<DemoCadreFile> generate(List<DemoPerson> people) {
        Map<Integer, List<Integer>> cadresByOrg = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).cadre()) {
                cadresByOrg.computeIfAbsent(people.get(i).orgKey(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, DemoCadreFile> files = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : cadresByOrg.entrySet()) {
            Unit unit = unit(e.getKey());
            List<Role> roles = roles(unit);
            // older cadres get the higher posts, with some noise
            Map<Integer, Double> order = new HashMap<>();
            for (int index : e.getValue()) {
                order.put(index, age(people.get(index)) + random.nextDouble() * 8);
            }
            List<Integer> ranked = e.getValue().stream().sorted(Comparator.comparing(order::get).reversed()).toList();
            for (int n = 0; n < ranked.size(); n++) {
                int index = ranked.get(n);
                Role role = n < roles.size() ? roles.get(n) : null;
                files.put(index, file(index, people.get(index), unit, role));
            }
        }
        return files.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    // ---- one file ---------------------------------------------------------------------------------

    private DemoCadreFile file(int index, DemoPerson p, Unit unit, Role role) {
        CadreCategory category = category(unit);
        boolean civilServant = category == CadreCategory.公务员 || category == CadreCategory.参公;
        JobClass jobClass = jobClass(unit, category, role);
        boolean ranked = civilServant && jobClass == JobClass.综合管理类;
        LocalDate work = p.workStartDate();

        boolean newRecruit = work.getYear() >= FIRST_ANNUAL_YEAR;
        List<RankRow> ranks = ranked ? ranks(p, role) : List.of();
        List<Post> posts = new ArrayList<>();
        if (role == null && ranked) {
            nonLeadingRankedPosts(unit, work, ranks, posts);
        } else {
            leadingOrOtherPosts(unit, p, role, category, jobClass, posts);
        }
        List<Post> current = posts.stream().filter(x -> x.end() == null).toList();
        Post leading = current.stream().filter(x -> x.level() != null)
                .min(Comparator.comparing((Post x) -> x.level().ordinal()).thenComparing(Post::start)).orElse(null);
        RankRow openRank = ranks.stream().filter(r -> r.end() == null).findFirst().orElse(null);

        List<Education> education = education(p, unit);
        List<ResumeLine> resume = resume(p, education, posts);
        List<Annual> annual = annual(p, category, newRecruit, posts);
        List<DemoCadreFile.Record> records = records(unit, category, annual);
        String rewardsText = rewardsText(records);
        RetirementGroup group = retirementGroup(p.sex());
        ManagementLevel management = management(unit, leading);
        String partyJoin = PARTY_MEMBER.equals(p.politicalStatus()) || PROBATIONARY_MEMBER.equals(p.politicalStatus())
                ? YearMonth.from(p.partyJoinDate()).toString().replace("-", "") : null;
        String reportingUnit = management == ManagementLevel.市管 || unit.place() == Place.CITY
                ? "中共" + DemoCity.CITY + "委组织部" : "中共" + unit.region() + "委组织部";
        return new DemoCadreFile(index, unit.org().key(), category, jobClass, management, group, p.nativePlace(), partyJoin,
                professionalTitle(unit, category), specialty(unit), currentPostText(unit, current), rewardsText,
                annualText(annual), reportingUnit, today.minusDays(random.nextInt(45)),
                leading == null ? null : leading.level(), leading == null ? null : leading.start(),
                openRank == null ? null : openRank.rank(), openRank == null ? null : openRank.start(),
                posts, ranks, resume, education, records, annual, family(p));
    }

    /** 现任职务: the unit's full name, then the Party post before the administrative one (党组书记、局长). */
    private static String currentPostText(Unit unit, List<Post> current) {
        List<Post> ordered = new ArrayList<>(current);
        ordered.sort(Comparator.comparing((Post x) -> isPartyPost(x.title()) ? 0 : 1));
        return unit.org().name() + ordered.stream().map(Post::title).collect(Collectors.joining("、"));
    }

    private static boolean isPartyPost(String title) {
        return title.startsWith("党") || title.startsWith("纪");
    }

    /** Men are in the 60 group, women cadres in the 55 group (rules.md §7). */
    static RetirementGroup retirementGroup(String sex) {
        return "1".equals(sex) ? RetirementGroup.MALE_60 : RetirementGroup.FEMALE_55;
    }

    // ---- units and their posts --------------------------------------------------------------------

    private Unit unit(int key) {
        return units.computeIfAbsent(key, k -> {
            OrgSpec org = orgs.get(k);
            Place place = Place.CITY;
            int county = -1;
            String region = DemoCity.CITY;
            for (int a = org.parentKey(); a != OrgSpec.NONE; a = orgs.get(a).parentKey()) {
                OrganizationKind kind = orgs.get(a).kind();
                if ((kind == OrganizationKind.TOWNSHIP || kind == OrganizationKind.STREET) && place == Place.CITY) {
                    place = Place.TOWNSHIP;
                } else if (kind == OrganizationKind.COUNTY) {
                    place = place == Place.TOWNSHIP ? Place.TOWNSHIP : Place.COUNTY;
                    county = a;
                    region = orgs.get(a).name();
                    break;
                }
            }
            UnitType type = switch (org.kind()) {
                case ORGAN -> org.name().startsWith("中共") ? UnitType.PARTY_ORGAN
                        : org.name().endsWith("人民政府") || org.name().endsWith("办事处") ? UnitType.TOWNSHIP_OFFICE : UnitType.ORGAN;
                case INSTITUTION -> UnitType.INSTITUTION;
                case SCHOOL -> UnitType.SCHOOL;
                case STATE_ENTERPRISE -> UnitType.ENTERPRISE;
                default -> UnitType.OTHER;
            };
            return new Unit(org, type, place, county, region);
        });
    }

    /** Other units of the same type and county, for earlier posts elsewhere. */
    private List<Integer> peersOf(Unit unit) {
        String group = unit.type() + "/" + unit.place() + "/" + unit.countyKey();
        return peers.computeIfAbsent(group, g -> {
            List<Integer> keys = new ArrayList<>();
            for (OrgSpec o : orgs) {
                if (o.workforce() != null && (o.kind() == OrganizationKind.ORGAN || o.kind() == OrganizationKind.INSTITUTION)) {
                    Unit u = unit(o.key());
                    if (u.type() == unit.type() && u.countyKey() == unit.countyKey() && u.place() == unit.place()) {
                        keys.add(o.key());
                    }
                }
            }
            return keys;
        });
    }

    /** The leading posts of a unit, highest first; they depend only on the unit. */
    private List<Role> roles(Unit unit) {
        String name = unit.org().name();
        boolean city = unit.place() == Place.CITY;
        RankLeadingPost head = city ? RankLeadingPost.县处级正职 : RankLeadingPost.乡科级正职;
        RankLeadingPost deputy = city ? RankLeadingPost.县处级副职 : RankLeadingPost.乡科级副职;
        AppointmentMethod appointed = AppointmentMethod.委任;
        List<Role> roles = new ArrayList<>();
        switch (unit.type()) {
            case PARTY_ORGAN -> {
                String dept = name.substring(("中共" + unit.region() + "委").length());
                if (city) {
                    String[] titles = switch (dept) {
                        case "办公室" -> new String[] {"主任", "副主任"};
                        case "政法委员会" -> new String[] {"常务副书记", "副书记"};
                        default -> new String[] {"常务副部长", "副部长"};
                    };
                    roles.add(Role.of(titles[0], head, appointed));
                    roles.add(Role.of(titles[1], deputy, appointed));
                    roles.add(Role.of(titles[1], deputy, appointed));
                    sections(roles, SECTIONS.getOrDefault(dept, CITY_SECTIONS), 4, RankLeadingPost.乡科级正职, RankLeadingPost.乡科级副职);
                } else {
                    roles.add(Role.of("部长", RankLeadingPost.县处级副职, appointed));
                    roles.add(Role.of("常务副部长", RankLeadingPost.乡科级正职, appointed));
                    roles.add(Role.of("副部长", RankLeadingPost.乡科级副职, appointed));
                    roles.add(Role.of("副部长", RankLeadingPost.乡科级副职, appointed));
                    sections(roles, COUNTY_DEPARTMENT_SECTIONS, 3, null, null);
                }
            }
            case ORGAN -> {
                boolean commission = name.endsWith("委员会");
                roles.add(new Role(commission ? "主任" : "局长", head, appointed, "党组书记", head));
                roles.add(new Role(commission ? "副主任" : "副局长", deputy, appointed, "党组成员", null));
                roles.add(Role.of(commission ? "副主任" : "副局长", deputy, appointed));
                roles.add(Role.of(commission ? "副主任" : "副局长", deputy, appointed));
                String organ = name.startsWith(unit.region()) ? name.substring(unit.region().length()) : name;
                if (city) {
                    sections(roles, SECTIONS.getOrDefault(organ, CITY_SECTIONS), 4, RankLeadingPost.乡科级正职, RankLeadingPost.乡科级副职);
                } else {
                    sections(roles, COUNTY_SECTIONS, 2, null, null);
                }
            }
            case TOWNSHIP_OFFICE -> {
                boolean street = name.endsWith("办事处");
                boolean xiang = !street && name.contains("乡");
                AppointmentMethod elected = street ? appointed : AppointmentMethod.选任;
                String party = street ? "党工委" : "党委";
                String chief = street ? "主任" : xiang ? "乡长" : "镇长";
                RankLeadingPost full = RankLeadingPost.乡科级正职;
                RankLeadingPost vice = RankLeadingPost.乡科级副职;
                roles.add(Role.of(party + "书记", full, elected));
                roles.add(new Role(chief, full, elected, party + "副书记", vice));
                if (!street) {
                    roles.add(Role.of("人大主席", full, elected));
                }
                roles.add(Role.of(party + "副书记", vice, elected));
                roles.add(Role.of("副" + chief, vice, elected));
                roles.add(Role.of(street ? "纪工委书记" : "纪委书记", vice, elected));
                roles.add(Role.of("副" + chief, vice, elected));
                roles.add(Role.of("组织委员", vice, elected));
                roles.add(Role.of("武装部部长", vice, appointed));
            }
            case INSTITUTION -> {
                boolean hospital = name.contains("医院") || name.endsWith("卫生院") || name.endsWith("卫生服务中心");
                boolean tv = name.endsWith("电视台");
                String chief = name.endsWith("医院") || name.endsWith("卫生院") ? "院长" : tv ? "台长" : "主任";
                if (unit.place() == Place.TOWNSHIP) {
                    roles.add(Role.of(chief, null, appointed));
                    roles.add(Role.of("副" + chief, null, appointed));
                } else {
                    if (hospital) {
                        roles.add(new Role(chief, head, appointed, "党委副书记", null));
                        roles.add(Role.of("党委书记", head, appointed));
                    } else {
                        roles.add(new Role(chief, head, appointed, "党支部书记", head));
                    }
                    roles.add(Role.of("副" + chief, deputy, appointed));
                    roles.add(Role.of("副" + chief, deputy, appointed));
                    List<String> sections = hospital ? SECTIONS.get("医院") : CITY_SECTIONS;
                    sections(roles, sections, 3, city ? RankLeadingPost.乡科级正职 : null, city ? RankLeadingPost.乡科级副职 : null);
                }
            }
            case SCHOOL -> {
                roles.add(new Role("校长", city ? head : null, appointed, "党委副书记", null));
                roles.add(Role.of("党委书记", city ? head : null, appointed));
                roles.add(Role.of("副校长", city ? deputy : null, appointed));
                roles.add(Role.of("副校长", city ? deputy : null, appointed));
            }
            case ENTERPRISE -> {
                roles.add(Role.of("党委书记、董事长", null, appointed));
                roles.add(Role.of("总经理", null, AppointmentMethod.聘任));
                roles.add(Role.of("副总经理", null, AppointmentMethod.聘任));
                roles.add(Role.of("副总经理", null, AppointmentMethod.聘任));
            }
            case OTHER -> {
            }
        }
        return roles;
    }

    /** Section heads (科长, 办公室主任, 支队长), then their deputies, of at most {@code count} sections. */
    private static void sections(List<Role> roles, List<String> sections, int count, RankLeadingPost full, RankLeadingPost vice) {
        List<String> chosen = sections.subList(0, Math.min(count, sections.size()));
        for (String s : chosen) {
            roles.add(Role.of(sectionTitle(s, false), full, AppointmentMethod.委任));
        }
        for (String s : chosen.subList(0, Math.min(2, chosen.size()))) {
            roles.add(Role.of(sectionTitle(s, true), vice, AppointmentMethod.委任));
        }
    }

    private static String sectionTitle(String section, boolean deputy) {
        String d = deputy ? "副" : "";
        if (section.endsWith("支队")) {
            return section + d + "支队长";
        }
        if (section.endsWith("股")) {
            return section + d + "股长";
        }
        if (section.endsWith("科") && !section.equals("内科") && !section.equals("外科")) {
            return section + d + "科长";
        }
        return section + d + "主任";
    }

    private CadreCategory category(Unit unit) {
        String name = unit.org().name();
        if (PARTICIPATING_UNITS.stream().anyMatch(name::contains)) {
            return CadreCategory.参公;
        }
        return switch (unit.type()) {
            case PARTY_ORGAN, ORGAN, TOWNSHIP_OFFICE -> CadreCategory.公务员;
            case ENTERPRISE -> CadreCategory.国企;
            default -> CadreCategory.事业;
        };
    }

    /** Leaders are 综合管理类; some non-leading civil servants of enforcement organs 行政执法类, of the police 专业技术类. */
    private JobClass jobClass(Unit unit, CadreCategory category, Role role) {
        if (category != CadreCategory.公务员) {
            return category == CadreCategory.参公 ? JobClass.综合管理类 : null;
        }
        if (role == null || role.level() == null || role.level() == RankLeadingPost.乡科级副职 && role.title().endsWith("副科长")) {
            String name = unit.org().name();
            if (ENFORCEMENT_ORGANS.stream().anyMatch(name::endsWith) && random.nextInt(10) < 5) {
                return JobClass.行政执法类;
            }
            if (name.endsWith("公安局") && random.nextInt(10) < 4) {
                return JobClass.专业技术类;
            }
        }
        return JobClass.综合管理类;
    }

    /** 市管 for 县处级 posts, 县管 for 乡科级 posts in a county, 其他 for the rest (city sections, non-leading). */
    private static ManagementLevel management(Unit unit, Post leading) {
        if (leading == null) {
            return ManagementLevel.其他;
        }
        if (leading.level().ordinal() <= RankLeadingPost.县处级副职.ordinal()) {
            return ManagementLevel.市管;
        }
        return unit.place() == Place.CITY ? ManagementLevel.其他 : ManagementLevel.县管;
    }

    // ---- posts --------------------------------------------------------------------------------------

    /** Non-leading civil servants: 科员 before the 2019 ranks (or during the probation year), then one post per rank. */
    private void nonLeadingRankedPosts(Unit unit, LocalDate work, List<RankRow> ranks, List<Post> posts) {
        int firstElsewhere = random.nextInt(3) == 0 ? otherUnit(unit) : unit.org().key();
        LocalDate firstRank = ranks.getFirst().start();
        List<Post> all = new ArrayList<>();
        if (work.isBefore(firstRank)) {
            all.add(new Post(firstElsewhere, "科员", null, AppointmentMethod.考任, work, firstRank.minusDays(1), null));
        }
        for (RankRow r : ranks) {
            all.add(new Post(unit.org().key(), r.rank().name(), null, AppointmentMethod.委任, r.start(), r.end(), null));
        }
        // at most three earlier posts
        posts.addAll(all.subList(Math.max(0, all.size() - 4), all.size()));
    }

    /** Leaders (and non-ranked staff): a first job, up to two posts a level below, the current post (and a concurrent one). */
    private void leadingOrOtherPosts(Unit unit, DemoPerson p, Role role, CadreCategory category, JobClass jobClass, List<Post> posts) {
        LocalDate work = p.workStartDate();
        RankLeadingPost level = role == null ? null : role.level();
        int minYears = level == null ? 3 : switch (level) {
            case 县处级正职 -> 14;
            case 县处级副职 -> 10;
            case 乡科级正职 -> 7;
            case 乡科级副职 -> 4;
            default -> 16;
        };
        LocalDate earliest = max(work.plusYears(minYears), today.minusYears(9));
        LocalDate latest = today.minusDays(40);
        LocalDate start;
        boolean recent = random.nextInt(100) < 9 || !earliest.isBefore(latest);
        if (recent) {
            start = today.minusDays(20 + random.nextInt(330));
        } else {
            start = earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest)));
        }
        if (start.isBefore(work.plusYears(1))) {
            start = work.plusYears(1);
        }
        String title;
        AppointmentMethod method;
        if (role != null) {
            title = role.title();
            method = role.method();
        } else {
            title = nonLeadingTitle(unit, category, jobClass, work);
            method = category == CadreCategory.国企 ? AppointmentMethod.聘任 : AppointmentMethod.委任;
        }
        LocalDate probation = recent && level != null && method == AppointmentMethod.委任 && random.nextInt(5) > 0
                ? start.plusYears(1) : null;

        // earlier posts: the first job, then up to two posts on the way up
        List<RankLeadingPost> below = new ArrayList<>();
        if (level != null) {
            for (int l = level.ordinal() + 1; l <= RankLeadingPost.乡科级副职.ordinal() && below.size() < 2; l++) {
                below.addFirst(RankLeadingPost.values()[l]);
            }
        }
        int earlier = 1 + below.size();
        long span = ChronoUnit.DAYS.between(work, start);
        int ended = (int) Math.max(1, Math.min(earlier, span / 365));
        List<LocalDate> starts = new ArrayList<>();
        starts.add(work);
        for (int i = 1; i < ended; i++) {
            double lo = (double) i / ended;
            double frac = lo + random.nextDouble() * 0.5 / ended;
            starts.add(work.plusDays((long) (span * frac)));
        }
        for (int i = 0; i < ended; i++) {
            LocalDate from = starts.get(i);
            LocalDate to = (i + 1 < ended ? starts.get(i + 1) : start).minusDays(1);
            if (i == 0) {
                int org = random.nextInt(3) == 0 ? otherUnit(unit) : unit.org().key();
                boolean civil = category == CadreCategory.公务员 || category == CadreCategory.参公;
                posts.add(new Post(org, firstJobTitle(unit(org), category), null, civil ? AppointmentMethod.考任 : AppointmentMethod.聘任,
                        from, to, null));
            } else {
                RankLeadingPost l = below.get(below.size() - (ended - i));
                int org = random.nextInt(5) < 2 ? otherUnit(unit) : unit.org().key();
                String t = titleFor(unit(org), l);
                if (t == null) {
                    org = unit.org().key();
                    t = titleFor(unit, l);
                }
                if (t == null) {
                    t = l.ordinal() == RankLeadingPost.乡科级正职.ordinal() ? "科长" : "副科长";
                }
                // a first appointment to a leading post is on probation (试用期) for a year
                LocalDate probationEnd = !from.isBefore(LocalDate.of(FIRST_ANNUAL_YEAR - 1, 1, 1)) && !from.plusYears(1).isAfter(to)
                        && random.nextBoolean() ? from.plusYears(1) : null;
                posts.add(new Post(org, t, l, AppointmentMethod.委任, from, to, probationEnd));
            }
        }
        splitLongFirstJob(posts, category);
        posts.add(new Post(unit.org().key(), title, level, method, start, null, probation));
        if (role != null && role.concurrent() != null && random.nextInt(10) < 8) {
            posts.add(new Post(unit.org().key(), role.concurrent(), role.concurrentLevel(), method, start, null, null));
        }
    }

    /** A first job of more than eight years before 2019 becomes 科员, then 副主任科员 (主治医师 for doctors). */
    private void splitLongFirstJob(List<Post> posts, CadreCategory category) {
        Post first = posts.getFirst();
        LocalDate split = first.start().plusYears(4).plusDays(random.nextInt(700));
        if (posts.size() >= 3 || first.end().isBefore(first.start().plusYears(8)) || !split.isBefore(PARALLEL_RANKS)) {
            return;
        }
        boolean civil = category == CadreCategory.公务员 || category == CadreCategory.参公;
        String next = civil ? "副主任科员" : "医师".equals(first.title()) ? "主治医师" : null;
        if (next == null) {
            return;
        }
        posts.set(0, new Post(first.orgKey(), first.title(), null, first.method(), first.start(), split.minusDays(1), null));
        posts.add(1, new Post(first.orgKey(), next, null, AppointmentMethod.委任, split, first.end(), null));
    }

    private String titleFor(Unit unit, RankLeadingPost level) {
        return roles(unit).stream().filter(r -> r.level() == level).map(Role::title).findFirst().orElse(null);
    }

    private int otherUnit(Unit unit) {
        List<Integer> candidates = peersOf(unit);
        return candidates.isEmpty() ? unit.org().key() : candidates.get(random.nextInt(candidates.size()));
    }

    private static String firstJobTitle(Unit unit, CadreCategory category) {
        if (category == CadreCategory.公务员 || category == CadreCategory.参公) {
            return "科员";
        }
        String name = unit.org().name();
        if (name.contains("医院") || name.endsWith("卫生院") || name.contains("疾病预防") || name.endsWith("卫生服务中心")) {
            return "医师";
        }
        return unit.type() == UnitType.SCHOOL ? "教师" : "干事";
    }

    private String nonLeadingTitle(Unit unit, CadreCategory category, JobClass jobClass, LocalDate work) {
        int years = (int) ChronoUnit.YEARS.between(work, today);
        if (jobClass == JobClass.行政执法类) {
            return ENFORCEMENT_TITLES.get(Math.min(ENFORCEMENT_TITLES.size() - 1, years / 5));
        }
        if (jobClass == JobClass.专业技术类) {
            return TECHNICAL_TITLES.get(Math.min(TECHNICAL_TITLES.size() - 1, years / 6));
        }
        if (category == CadreCategory.国企) {
            return "部门经理";
        }
        return years >= 10 ? "办公室主任" : "干事";
    }

    // ---- ranks -------------------------------------------------------------------------------------

    /**
     * 2–3 ranks from 2019-06 (or the end of the probation year), two years or more apart, the last open
     * and fitting the post; in about half of the files the last one has lasted two years or more.
     */
    private List<RankRow> ranks(DemoPerson p, Role role) {
        Rank target = targetRank(role == null ? null : role.level(), p.workStartDate());
        LocalDate first = max(PARALLEL_RANKS, firstOfNextMonth(p.workStartDate().plusYears(1)));
        long months = ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(today));
        int n = 2 + random.nextInt(2);
        n = (int) Math.min(n, 1 + Math.max(0, months - 1) / 24);
        n = Math.max(1, Math.min(n, Rank.values().length - target.ordinal()));
        List<LocalDate> starts = new ArrayList<>();
        starts.add(first);
        if (n > 1) {
            long spare = months - 24L * (n - 1);
            long tail = spare >= 26 && random.nextInt(100) < 55
                    ? 24 + random.nextLong(spare - 23)
                    : 1 + random.nextLong(Math.min(23, spare));
            long extra = spare - tail;
            for (int i = 1; i < n; i++) {
                long more = i < n - 1 && extra > 0 ? random.nextLong(extra + 1) : (i == n - 1 ? extra : 0);
                extra -= more;
                starts.add(starts.get(i - 1).plusMonths(24 + more));
            }
        }
        List<RankRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rank rank = Rank.values()[target.ordinal() + (n - 1 - i)];
            rows.add(new RankRow(rank, starts.get(i), i + 1 < n ? starts.get(i + 1).minusDays(1) : null));
        }
        return rows;
    }

    private Rank targetRank(RankLeadingPost level, LocalDate work) {
        boolean upper = random.nextBoolean();
        if (level != null) {
            return switch (level) {
                case 县处级正职 -> upper ? Rank.一级调研员 : Rank.二级调研员;
                case 县处级副职 -> upper ? Rank.三级调研员 : Rank.四级调研员;
                case 乡科级正职 -> upper ? Rank.一级主任科员 : Rank.二级主任科员;
                case 乡科级副职 -> upper ? Rank.三级主任科员 : Rank.四级主任科员;
                default -> Rank.二级巡视员;
            };
        }
        long years = ChronoUnit.YEARS.between(work, today);
        if (years < 5) {
            return upper ? Rank.一级科员 : Rank.二级科员;
        }
        if (years < 9) {
            return Rank.四级主任科员;
        }
        if (years < 13) {
            return Rank.三级主任科员;
        }
        if (years < 18) {
            return Rank.二级主任科员;
        }
        if (years < 25) {
            return Rank.一级主任科员;
        }
        return upper ? Rank.四级调研员 : Rank.一级主任科员;
    }

    // ---- education and resume -------------------------------------------------------------------

    /**
     * 全日制 and (for about 40%) 在职 education whose qualification texts give back the person's
     * education code: 研究生 → 14, 博士研究生 → 11, 大学 → 21, 大专 → 31.
     */
    private List<Education> education(DemoPerson p, Unit unit) {
        boolean medical = unit.org().name().contains("医院") || unit.org().name().contains("卫生") || unit.org().name().contains("疾病");
        Major major = pick(medical ? MEDICAL_MAJORS : MAJORS);
        String university = pick(medical ? MEDICAL_UNIVERSITIES : UNIVERSITIES);
        List<Education> list = new ArrayList<>();
        switch (p.education()) {
            case "11" -> list.add(full("博士研究生", doctor(major), university, major));
            case "14" -> {
                if (random.nextInt(10) < 6) {
                    list.add(full("研究生", major.master(), university, major));
                } else {
                    list.add(full("大学", major.bachelor(), university, major));
                    list.add(random.nextBoolean()
                            ? new Education(DemoCadreFile.IN_SERVICE, "研究生", null, "中央党校经济管理专业", null)
                            : new Education(DemoCadreFile.IN_SERVICE, "研究生", "公共管理硕士", "湖南大学公共管理专业", "湖南大学"));
                }
            }
            case "31" -> list.add(full("大专", null, pick(medical ? MEDICAL_COLLEGES : COLLEGES), major));
            case "21" -> {
                int r = random.nextInt(100);
                if (r < 32) {
                    list.add(full("大专", null, pick(medical ? MEDICAL_COLLEGES : COLLEGES), major));
                    list.add(new Education(DemoCadreFile.IN_SERVICE, "大学", null, "中共湖南省委党校" + pick(List.of("经济管理", "行政管理", "法律")) + "专业", null));
                } else {
                    list.add(full("大学", major.bachelor(), university, major));
                    if (r < 42) {
                        list.add(new Education(DemoCadreFile.IN_SERVICE, "大学", null, "中央党校" + pick(List.of("经济管理", "法律")) + "专业", null));
                    }
                }
            }
            default -> list.add(full("大学", major.bachelor(), university, major));
        }
        return list;
    }

    private static Education full(String qualification, String degree, String school, Major major) {
        String where = school + major.name() + "专业";
        return new Education(DemoCadreFile.FULL_TIME, qualification, degree, where, degree == null ? null : where);
    }

    private static String doctor(Major major) {
        return major.master().replace("硕士", "博士");
    }

    /** Study (one or two lines), then the posts: the current line names all current posts, as the 现任职务 does. */
    private List<ResumeLine> resume(DemoPerson p, List<Education> education, List<Post> posts) {
        LocalDate work = p.workStartDate();
        YearMonth graduated = YearMonth.of(work.getMonthValue() >= 7 ? work.getYear() : work.getYear() - 1, 7);
        Education full = education.getFirst();
        String where = full.qualificationSchool();
        List<ResumeLine> lines = new ArrayList<>();
        switch (full.qualification()) {
            case "研究生", "博士研究生" -> {
                int years = 3;
                YearMonth masterStart = YearMonth.of(graduated.getYear() - years, 9);
                lines.add(new ResumeLine(YearMonth.of(masterStart.getYear() - 4, 9), YearMonth.of(masterStart.getYear(), 7),
                        where.replace("专业", "专业学习")));
                lines.add(new ResumeLine(masterStart, graduated, where + ("研究生".equals(full.qualification()) ? "硕士研究生" : "博士研究生")));
            }
            case "大专" -> lines.add(new ResumeLine(YearMonth.of(graduated.getYear() - 3, 9), graduated, where + "学习"));
            default -> lines.add(new ResumeLine(YearMonth.of(graduated.getYear() - 4, 9), graduated, where + "学习"));
        }
        List<Post> ended = posts.stream().filter(x -> x.end() != null).sorted(Comparator.comparing(Post::start)).toList();
        List<Post> current = posts.stream().filter(x -> x.end() == null).toList();
        for (int i = 0; i < ended.size(); i++) {
            Post x = ended.get(i);
            String text = orgs.get(x.orgKey()).name() + x.title();
            if (i == 0 && lines.size() + ended.size() + 1 < 4 && x.end().isAfter(x.start().plusYears(1).plusMonths(1))) {
                // the probation year of the first job as its own line
                LocalDate split = x.start().plusYears(1);
                lines.add(new ResumeLine(YearMonth.from(x.start()), YearMonth.from(split), text + "（试用期）"));
                lines.add(new ResumeLine(YearMonth.from(split), YearMonth.from(x.end()), text));
            } else {
                lines.add(new ResumeLine(YearMonth.from(x.start()), YearMonth.from(x.end()), text));
            }
        }
        LocalDate since = current.stream().map(Post::start).min(Comparator.naturalOrder()).orElseThrow();
        Unit unit = unit(current.getFirst().orgKey());
        lines.add(new ResumeLine(YearMonth.from(since), null, currentPostText(unit, current)));
        return lines;
    }

    // ---- annual results and records ----------------------------------------------------------------

    /** 5A (不定等次, 试用期) for the first year of a new recruit and for a year that ended in a post's probation. */
    private List<Annual> annual(DemoPerson p, CadreCategory category, boolean newRecruit, List<Post> posts) {
        boolean civil = category == CadreCategory.公务员 || category == CadreCategory.参公;
        List<Annual> list = new ArrayList<>();
        int from = Math.max(FIRST_ANNUAL_YEAR, p.workStartDate().getYear());
        for (int year = from; year < today.getYear(); year++) {
            AnnualGrade grade;
            int r = random.nextInt(1000);
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            boolean onProbation = posts.stream().anyMatch(x -> x.probationEnd() != null
                    && !x.start().isAfter(yearEnd) && x.probationEnd().isAfter(yearEnd));
            if (newRecruit && year == p.workStartDate().getYear() || onProbation) {
                grade = AnnualGrade.UNGRADED_PROBATION;
            } else if (r < 175) {
                grade = AnnualGrade.EXCELLENT;
            } else if (r < 970) {
                grade = civil ? AnnualGrade.COMPETENT : AnnualGrade.QUALIFIED;
            } else if (r < 999) {
                grade = civil ? AnnualGrade.BASICALLY_COMPETENT : AnnualGrade.BASICALLY_QUALIFIED;
            } else {
                grade = civil ? AnnualGrade.INCOMPETENT : AnnualGrade.UNQUALIFIED;
            }
            list.add(new Annual(year, grade));
        }
        return list;
    }

    /** The printed 奖惩情况: the records in date order, or 无. */
    static String rewardsText(List<DemoCadreFile.Record> records) {
        return records.isEmpty() ? "无"
                : records.stream().sorted(Comparator.comparing(DemoCadreFile.Record::decidedOn))
                        .map(DemoCadreFile.Record::printed).collect(Collectors.joining("；"));
    }

    /** "2023年度考核称职，2024年度考核优秀，2025年度考核称职": the last three years. */
    static String annualText(List<Annual> annual) {
        return annual.subList(Math.max(0, annual.size() - 3), annual.size()).stream()
                .map(a -> a.year() + "年度考核" + a.grade().printedName()).collect(Collectors.joining("，"));
    }

    /**
     * Rewards follow 优秀 years (嘉奖; 记三等功 after three in a row); about 3% have a measure: 诫勉 and
     * 党纪处分 (some over, most in force), and a couple under investigation.
     */
    private List<DemoCadreFile.Record> records(Unit unit, CadreCategory category, List<Annual> annual) {
        List<DemoCadreFile.Record> list = new ArrayList<>();
        String government = (unit.place() == Place.CITY ? DemoCity.CITY : unit.region()) + "人民政府";
        String authority = category == CadreCategory.公务员 || category == CadreCategory.参公 ? government : unit.org().name();
        int run = 0;
        for (Annual a : annual) {
            run = a.grade() == AnnualGrade.EXCELLENT ? run + 1 : 0;
            if (run == 3 && random.nextInt(3) == 0) {
                LocalDate on = LocalDate.of(a.year() + 1, 4, 1 + random.nextInt(28));
                list.add(reward(a.year() + "年度记三等功", authority, on, "记三等功"));
                run = 0;
            } else if (run > 0 && random.nextInt(100) < 18) {
                LocalDate on = LocalDate.of(a.year() + 1, 3, 1 + random.nextInt(28));
                list.add(reward(a.year() + "年度嘉奖", authority, on, "获嘉奖"));
            }
        }
        int r = random.nextInt(1000);
        if (r < 30) {
            String region = unit.place() == Place.CITY ? DemoCity.CITY : unit.region();
            String discipline = "中共" + region + "纪律检查委员会";
            if (r < 12) {
                LocalDate on = today.minusDays(5 + random.nextInt(170));
                list.add(measure(CadreRecordKind.诫勉, "诫勉", "中共" + region + "委组织部", on, on.plusMonths(6).minusDays(1), "受到诫勉处理"));
            } else if (r < 20) {
                LocalDate on = today.minusDays(20 + random.nextInt(320));
                list.add(measure(CadreRecordKind.党纪处分, "党内警告处分", discipline, on, on.plusMonths(6).minusDays(1), "受到党内警告处分"));
            } else if (r < 26) {
                LocalDate on = today.minusDays(20 + random.nextInt(320));
                list.add(measure(CadreRecordKind.党纪处分, "党内严重警告处分", discipline, on, on.plusMonths(12).minusDays(1), "受到党内严重警告处分"));
            } else {
                LocalDate on = today.minusDays(15 + random.nextInt(100));
                list.add(measure(CadreRecordKind.立案审查, "立案审查", discipline, on, null, "被立案审查"));
            }
        }
        return list;
    }

    private static DemoCadreFile.Record reward(String title, String authority, LocalDate on, String printed) {
        return new DemoCadreFile.Record(CadreRecordKind.奖励, title, authority, on, null, null, printed(on, printed));
    }

    private static DemoCadreFile.Record measure(CadreRecordKind kind, String title, String authority, LocalDate on,
                                                LocalDate end, String printed) {
        return new DemoCadreFile.Record(kind, title, authority, on, on, end, printed(on, printed));
    }

    private static String printed(LocalDate on, String what) {
        return on.getYear() + "年" + on.getMonthValue() + "月" + what;
    }

    // ---- family ------------------------------------------------------------------------------------

    /** Spouse, children and parents: 2 to 4 members in form order. */
    private List<FamilyMember> family(DemoPerson p) {
        boolean male = "1".equals(p.sex());
        String surname = names.surnameOf(p.name());
        LocalDate birth = p.birthDate();
        List<FamilyMember> spouseAndChildren = new ArrayList<>();
        String childSurname = surname;
        if (random.nextInt(100) < 93) {
            String spouseSex = male ? "2" : "1";
            String spouseName = names.fullName(random, spouseSex);
            if (!male) {
                childSurname = names.surnameOf(spouseName);
            }
            LocalDate spouseBirth = birth.plusDays(male ? random.nextInt(1500) : -random.nextInt(1500));
            spouseAndChildren.add(new FamilyMember(male ? "妻子" : "丈夫", spouseName, YearMonth.from(spouseBirth),
                    random.nextBoolean() ? "中共党员" : "群众", adultWork(spouseBirth)));
            int children = age(p) < 30 ? random.nextInt(2) : 1 + (random.nextInt(10) < 3 ? 1 : 0);
            LocalDate childBirth = birth.plusYears(25).plusDays(random.nextInt(1500));
            for (int i = 0; i < children && childBirth.isBefore(today.minusMonths(6)); i++) {
                String sex = random.nextBoolean() ? "1" : "2";
                spouseAndChildren.add(new FamilyMember("1".equals(sex) ? "儿子" : "女儿", childSurname + names.givenName(random, sex),
                        YearMonth.from(childBirth), childPolitical(childBirth), childWork(childBirth)));
                childBirth = childBirth.plusYears(2).plusDays(random.nextInt(1000));
            }
        }
        List<FamilyMember> members = new ArrayList<>(spouseAndChildren);
        LocalDate fatherBirth = birth.minusYears(24).minusDays(random.nextInt(2500));
        LocalDate motherBirth = fatherBirth.plusDays(random.nextInt(1500));
        int parents = Math.max(2 - members.size(), random.nextInt(3));
        parents = Math.min(parents, 4 - members.size());
        if (parents >= 1) {
            members.add(new FamilyMember("父亲", surname + names.givenName(random, "1"), YearMonth.from(fatherBirth),
                    random.nextInt(10) < 3 ? "中共党员" : "群众", parentWork(fatherBirth)));
        }
        if (parents >= 2) {
            members.add(new FamilyMember("母亲", names.fullName(random, "2"), YearMonth.from(motherBirth), "群众", parentWork(motherBirth)));
        }
        return members;
    }

    private String adultWork(LocalDate birth) {
        if (ChronoUnit.YEARS.between(birth, today) >= 58 && random.nextBoolean()) {
            return "已退休";
        }
        OrgSpec where = pick(workplaces);
        String job = switch (where.kind()) {
            case SCHOOL -> "教师";
            case INSTITUTION -> where.name().contains("医院") || where.name().contains("卫生") ? pick(List.of("医生", "护士")) : "职员";
            case STATE_ENTERPRISE -> "职员";
            default -> "科员";
        };
        return where.name() + job;
    }

    private String childWork(LocalDate birth) {
        long age = ChronoUnit.YEARS.between(birth, today);
        if (age < 6) {
            return "学龄前";
        }
        if (age < 18) {
            List<OrgSpec> fitting = schools.stream()
                    .filter(o -> age < 12 ? o.name().endsWith("小学") || o.name().endsWith("中心学校") : o.name().contains("中学"))
                    .toList();
            return pick(fitting.isEmpty() ? schools : fitting).name() + "学生";
        }
        if (age < 23) {
            return pick(UNIVERSITIES) + "学生";
        }
        return adultWork(birth);
    }

    private String childPolitical(LocalDate birth) {
        long age = ChronoUnit.YEARS.between(birth, today);
        if (age < 14) {
            return "群众";
        }
        if (age <= 28) {
            return random.nextInt(10) < 7 ? "共青团员" : "群众";
        }
        return random.nextInt(10) < 4 ? "中共党员" : "群众";
    }

    private String parentWork(LocalDate birth) {
        long age = ChronoUnit.YEARS.between(birth, today);
        if (age >= 82 && random.nextInt(3) > 0) {
            return "已去世";
        }
        if (random.nextInt(10) < 5) {
            OrgSpec village = pick(villages);
            OrgSpec township = orgs.get(village.parentKey());
            OrgSpec county = orgs.get(township.parentKey());
            return county.name() + township.name() + village.name() + "村民";
        }
        return "已退休";
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private String specialty(Unit unit) {
        String name = unit.org().name();
        if (name.contains("组织部")) {
            return "熟悉党建和组织工作";
        }
        if (name.contains("财政")) {
            return "熟悉财政预算管理";
        }
        if (name.contains("公安")) {
            return "熟悉公安业务";
        }
        if (name.contains("医院") || name.contains("卫生") || name.contains("疾病")) {
            return "熟悉医疗卫生管理";
        }
        if (unit.type() == UnitType.TOWNSHIP_OFFICE) {
            return "熟悉基层治理和农村工作";
        }
        if (name.contains("教育") || unit.type() == UnitType.SCHOOL) {
            return "熟悉教育管理";
        }
        return pick(List.of("熟悉机关综合管理", "熟悉经济工作", "熟悉文字综合工作"));
    }

    private String professionalTitle(Unit unit, CadreCategory category) {
        String name = unit.org().name();
        if (category == CadreCategory.事业) {
            if (name.contains("医院") || name.contains("卫生") || name.contains("疾病")) {
                return pick(List.of("主任医师", "副主任医师", "副主任医师", "主治医师"));
            }
            if (name.endsWith("电视台")) {
                return pick(List.of("主任编辑", "高级编辑", "编辑"));
            }
            return pick(List.of("农艺师", "高级农艺师", "经济师", "工程师"));
        }
        if (category == CadreCategory.国企) {
            return pick(List.of("高级经济师", "经济师", "高级工程师"));
        }
        return random.nextInt(10) == 0 ? pick(List.of("经济师", "工程师")) : null;
    }

    private int age(DemoPerson p) {
        return (int) ChronoUnit.YEARS.between(p.birthDate(), today);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static LocalDate firstOfNextMonth(LocalDate date) {
        return date.getDayOfMonth() == 1 ? date : YearMonth.from(date).plusMonths(1).atDay(1);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
