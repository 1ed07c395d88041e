package org.zugong.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.SequencedSet;
import org.zugong.organization.OrganizationKind;

/**
 * The plan of the fictional city 湘云市: the city's Party committee and organs, public institutions,
 * schools and state enterprises, then six counties/districts with their organs, townships/streets,
 * villages/communities, schools and 两新 companies — each unit with the Party organization built in it.
 * Pure data, no database: {@link DemoDataLoader} writes it. Party organizations get terms around
 * {@code today}, a few already expired and a few expiring within six months, for the 换届 reminders.
 */
final class DemoCity {

    static final String CITY = "湘云市";
    /** 市委 term, the one fixed date of the plan. */
    static final LocalDate CITY_COMMITTEE_TERM_START = LocalDate.of(2021, 9, 28);

    /** A county or district of the plan, with its 县委组织部. */
    record County(String name, int key, int departmentKey) {
    }

    /** A unit of the city or a county: name without the region prefix, its Party organization and staff. */
    private record UnitSpec(String name, String shortName, OrganizationKind kind, Party party, int minPeople, int maxPeople) {
    }

    /** The Party organization built in a unit: one branch, a 党总支 with branches, or a 党委 with branches. */
    private record Party(Shape shape, List<String> branches) {

        static Party branch() {
            return new Party(Shape.BRANCH, List.of());
        }

        static Party generalBranch() {
            return new Party(Shape.GENERAL_BRANCH, List.of("第一", "第二"));
        }

        static Party committee(String... branches) {
            return new Party(Shape.COMMITTEE, List.of(branches));
        }

        static Party none() {
            return new Party(Shape.NONE, List.of());
        }
    }

    private enum Shape { NONE, BRANCH, GENERAL_BRANCH, COMMITTEE }

    private static final String RETIRED = "离退休干部";

    private static final List<String> COUNTY_NAMES = List.of("青溪县", "云阳区", "白石县", "临江县", "桃源区", "石门县");
    /** 乡镇/街道 per county, in the order above: fixed, so the totals stay near 1,000 organizations. */
    private static final List<Integer> TOWNSHIPS = List.of(6, 4, 5, 4, 4, 4);

    private static final List<UnitSpec> CITY_PARTY_ORGANS = List.of(
            new UnitSpec("委办公室", "市委办", OrganizationKind.ORGAN, Party.branch(), 16, 24),
            new UnitSpec("委宣传部", "市委宣传部", OrganizationKind.ORGAN, Party.branch(), 14, 20),
            new UnitSpec("委统一战线工作部", "市委统战部", OrganizationKind.ORGAN, Party.branch(), 10, 16),
            new UnitSpec("委政法委员会", "市委政法委", OrganizationKind.ORGAN, Party.branch(), 10, 16));

    private static final List<UnitSpec> CITY_UNITS = List.of(
            new UnitSpec("发展和改革委员会", "市发改委", OrganizationKind.ORGAN, Party.generalBranch(), 28, 36),
            new UnitSpec("教育局", "市教育局", OrganizationKind.ORGAN, Party.committee("机关", RETIRED), 28, 36),
            new UnitSpec("公安局", "市公安局", OrganizationKind.ORGAN,
                    Party.committee("机关", "刑事侦查支队", RETIRED), 45, 60),
            new UnitSpec("财政局", "市财政局", OrganizationKind.ORGAN, Party.branch(), 24, 32),
            new UnitSpec("人力资源和社会保障局", "市人社局", OrganizationKind.ORGAN, Party.branch(), 22, 30),
            new UnitSpec("自然资源和规划局", "市自然资源规划局", OrganizationKind.ORGAN, Party.generalBranch(), 26, 34),
            new UnitSpec("住房和城乡建设局", "市住建局", OrganizationKind.ORGAN, Party.branch(), 22, 30),
            new UnitSpec("交通运输局", "市交通运输局", OrganizationKind.ORGAN, Party.branch(), 20, 28),
            new UnitSpec("农业农村局", "市农业农村局", OrganizationKind.ORGAN, Party.branch(), 20, 28),
            new UnitSpec("商务局", "市商务局", OrganizationKind.ORGAN, Party.branch(), 12, 18),
            new UnitSpec("文化旅游广电体育局", "市文旅广体局", OrganizationKind.ORGAN, Party.branch(), 14, 20),
            new UnitSpec("卫生健康委员会", "市卫健委", OrganizationKind.ORGAN, Party.committee("机关", RETIRED), 24, 32),
            new UnitSpec("应急管理局", "市应急管理局", OrganizationKind.ORGAN, Party.branch(), 12, 18),
            new UnitSpec("市场监督管理局", "市市场监管局", OrganizationKind.ORGAN, Party.branch(), 18, 26),
            new UnitSpec("统计局", "市统计局", OrganizationKind.ORGAN, Party.branch(), 8, 12),
            new UnitSpec("民政局", "市民政局", OrganizationKind.ORGAN, Party.branch(), 12, 18),
            new UnitSpec("生态环境局", "市生态环境局", OrganizationKind.ORGAN, Party.branch(), 12, 18),
            new UnitSpec("水利局", "市水利局", OrganizationKind.ORGAN, Party.branch(), 12, 18),
            new UnitSpec("第一人民医院", "市一医院", OrganizationKind.INSTITUTION, Party.committee("内科", "外科", "行政后勤"), 50, 65),
            new UnitSpec("中心医院", "市中心医院", OrganizationKind.INSTITUTION, Party.committee("医疗", "行政后勤"), 40, 55),
            new UnitSpec("中医医院", "市中医医院", OrganizationKind.INSTITUTION, Party.branch(), 25, 35),
            new UnitSpec("疾病预防控制中心", "市疾控中心", OrganizationKind.INSTITUTION, Party.branch(), 14, 20),
            new UnitSpec("广播电视台", "市广播电视台", OrganizationKind.INSTITUTION, Party.branch(), 14, 20));

    /** Units named without the 湘云市 prefix. */
    private static final List<UnitSpec> CITY_NAMED_UNITS = List.of(
            new UnitSpec("湘云学院", "湘云学院", OrganizationKind.SCHOOL,
                    Party.committee("文学与新闻学院", "数学与计算机学院", "机关"), 55, 70),
            new UnitSpec("湘云职业技术学院", "湘云职院", OrganizationKind.SCHOOL, Party.generalBranch(), 35, 45),
            new UnitSpec("湘云市第一中学", "市一中", OrganizationKind.SCHOOL, Party.branch(), 30, 40),
            new UnitSpec("湘云城市发展集团有限公司", "市城发集团", OrganizationKind.STATE_ENTERPRISE,
                    Party.committee("集团机关", "建设公司"), 30, 40),
            new UnitSpec("湘云交通建设投资集团有限公司", "市交投集团", OrganizationKind.STATE_ENTERPRISE,
                    Party.committee("集团机关", "路桥公司"), 28, 36),
            new UnitSpec("湘云水务集团有限公司", "市水务集团", OrganizationKind.STATE_ENTERPRISE, Party.branch(), 20, 28),
            new UnitSpec("湘云农村商业银行股份有限公司", "湘云农商行", OrganizationKind.STATE_ENTERPRISE,
                    Party.committee("总行机关", "营业部"), 30, 40),
            new UnitSpec("湘云农业发展投资有限公司", "市农发投", OrganizationKind.STATE_ENTERPRISE, Party.branch(), 10, 16));

    /** County organs: the first four in every county, then four more drawn from the rest. */
    private static final List<UnitSpec> COUNTY_ORGANS = List.of(
            new UnitSpec("公安局", "公安局", OrganizationKind.ORGAN, Party.committee("机关", "交通警察大队"), 20, 28),
            new UnitSpec("教育局", "教育局", OrganizationKind.ORGAN, Party.branch(), 12, 18),
            new UnitSpec("财政局", "财政局", OrganizationKind.ORGAN, Party.branch(), 10, 14),
            new UnitSpec("发展和改革局", "发改局", OrganizationKind.ORGAN, Party.branch(), 8, 12),
            new UnitSpec("人力资源和社会保障局", "人社局", OrganizationKind.ORGAN, Party.branch(), 8, 12),
            new UnitSpec("自然资源局", "自然资源局", OrganizationKind.ORGAN, Party.branch(), 8, 14),
            new UnitSpec("住房和城乡建设局", "住建局", OrganizationKind.ORGAN, Party.branch(), 8, 12),
            new UnitSpec("交通运输局", "交通运输局", OrganizationKind.ORGAN, Party.branch(), 8, 12),
            new UnitSpec("农业农村局", "农业农村局", OrganizationKind.ORGAN, Party.branch(), 10, 14),
            new UnitSpec("卫生健康局", "卫健局", OrganizationKind.ORGAN, Party.branch(), 8, 12),
            new UnitSpec("市场监督管理局", "市场监管局", OrganizationKind.ORGAN, Party.branch(), 10, 14),
            new UnitSpec("民政局", "民政局", OrganizationKind.ORGAN, Party.branch(), 6, 10),
            new UnitSpec("应急管理局", "应急管理局", OrganizationKind.ORGAN, Party.branch(), 6, 10),
            new UnitSpec("水利局", "水利局", OrganizationKind.ORGAN, Party.branch(), 6, 10));
    private static final int FIXED_COUNTY_ORGANS = 4;
    private static final int COUNTY_ORGAN_COUNT = 8;

    private static final List<UnitSpec> COUNTY_UNITS = List.of(
            new UnitSpec("人民医院", "人民医院", OrganizationKind.INSTITUTION, Party.committee("医疗", "行政后勤"), 30, 40),
            new UnitSpec("第一中学", "一中", OrganizationKind.SCHOOL, Party.branch(), 20, 28),
            new UnitSpec("城市建设投资集团有限公司", "城投集团", OrganizationKind.STATE_ENTERPRISE, Party.branch(), 10, 16));

    private static final List<String> TOWNSHIP_NAMES = List.of(
            "白沙", "梅花", "龙潭", "金山", "长乐", "太平", "石牛", "新桥", "杨林", "清水", "双河", "荷叶", "麻田", "高坪",
            "马鞍", "龙泉", "桂花", "茶园", "凤凰", "沙洲", "栗山", "洪山", "桥头", "柏林", "竹山", "枫林", "楠木", "莲塘",
            "石湾", "江口", "塘湾", "岩口", "泉塘", "桃花", "黄土", "大坪");
    private static final List<String> STREET_NAMES = List.of(
            "城关", "城东", "城西", "城南", "城北", "滨江", "文昌", "东塘", "南湖", "书院", "府前", "东风", "迎宾", "金盆");
    private static final List<String> VILLAGE_NAMES = List.of(
            "枫树", "石桥", "杨柳", "樟树", "竹园", "桃园", "李家", "张家", "王家", "刘家", "新屋", "大塘", "荷塘", "长冲",
            "柳塘", "松林", "水口", "兴隆", "和平", "新民", "团结", "光明", "红星", "东风", "向阳", "金星", "富强", "建新",
            "新华", "胜利", "长岭", "白果", "大湾", "黄泥", "茶山", "桂竹", "龙门", "高田", "双江", "南冲", "杉木", "楠竹",
            "花桥", "青山", "油茶", "梅溪", "塘坪", "石坪", "枣园", "栗树", "黄花", "古塘", "坪上", "田心", "湾里", "谭家",
            "罗家", "周家", "彭家", "曾家", "邓家", "唐家", "易家", "龙山", "凤形", "狮子", "观音", "太阳", "月塘", "星光",
            "大路", "板桥", "石门坎", "洞庭", "沙坪", "仙人", "白马", "金鸡", "玉屏", "秀峰", "碧溪", "清泉", "丰收", "联合",
            "同心", "新塘", "老屋", "寨子", "鹤鸣", "龙井", "三星", "四方", "五星", "六合", "七里", "八角", "九龙", "十里",
            "百合", "千秋", "合心", "永安", "永丰", "长青", "常乐", "福星", "安乐", "宝塔", "山口", "溪口", "湖田", "坳上",
            "冲口", "江背", "岭头", "垅里", "塅上", "源头", "桐木", "檀山", "樟木", "枧田");
    private static final List<String> COMMUNITY_NAMES = List.of(
            "滨江", "建设", "解放", "人民", "五一", "桥东", "南门", "北门", "西湖", "东湖", "文化", "育才", "朝阳", "幸福",
            "和谐", "锦绣", "阳光", "花园", "丽都", "金桂", "紫荆", "翠竹", "水岸", "公园", "体育", "车站", "青年", "春华",
            "秋实", "新城", "东城", "西城", "南城", "北城", "中心", "跃进", "红旗", "学府", "商贸", "太阳城", "湘江", "云湖",
            "芙蓉", "荷花", "银杏", "玉兰", "茶花", "杜鹃", "兰亭", "梧桐");
    /** Generated names, used only once a curated list above has run out. */
    private static final String VILLAGE_HEADS = "枫石杨樟竹桃柳松梅荷茶桂杉龙凤金白黄青红新大高长双马狮鹤桐柏";
    private static final String VILLAGE_TAILS = "树桥林园塘冲坪湾山溪岭田湖坡口";
    private static final String COMMUNITY_HEADS = "金银锦翠碧华兴康和福春丽景嘉瑞";
    private static final String COMMUNITY_TAILS = "苑城园庭湾府都馨泰";
    private static final List<String> FIRM_NAMES = List.of(
            "鑫达", "恒通", "华盛", "宏远", "金穗", "绿源", "众鑫", "天成", "盛泰", "永兴", "德润", "嘉禾", "瑞丰", "博远",
            "康宁", "新锐", "利民", "广源", "顺发", "兴旺", "万家", "福源", "湘韵", "云岭", "长丰", "汇通", "锦程", "东升",
            "润泽", "宏泰", "金诚", "新源", "华兴", "明阳", "创新", "益农");
    private static final List<String> FIRM_TRADES = List.of(
            "建材有限公司", "农业开发有限公司", "物流有限公司", "电子科技有限公司", "食品有限公司", "茶业有限公司",
            "机械制造有限公司", "纺织有限公司", "商贸有限公司", "旅游开发有限公司", "种养专业合作社", "农机专业合作社",
            "家政服务有限公司", "建筑工程有限公司");

    private static final double EXPIRED_SHARE = 0.04;
    private static final double EXPIRING_SHARE = 0.05;
    private static final int VILLAGE_LEVEL_TERM_YEARS = 5;

    private final Random random;
    private final LocalDate today;
    private final List<OrgSpec> organizations = new ArrayList<>();
    private final List<Integer> childCounts = new ArrayList<>();
    private final List<County> counties = new ArrayList<>();
    private final SequencedSet<String> villageNames;
    private final SequencedSet<String> communityNames;
    private final SequencedSet<String> townshipNames;
    private final SequencedSet<String> streetNames;
    private final SequencedSet<String> firmNames = new LinkedHashSet<>();
    private int cityDepartmentKey = OrgSpec.NONE;

    private DemoCity(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
        this.villageNames = pool(VILLAGE_NAMES, VILLAGE_HEADS, VILLAGE_TAILS);
        this.communityNames = pool(COMMUNITY_NAMES, COMMUNITY_HEADS, COMMUNITY_TAILS);
        this.townshipNames = pool(TOWNSHIP_NAMES, VILLAGE_HEADS, VILLAGE_TAILS);
        this.streetNames = pool(STREET_NAMES, COMMUNITY_HEADS, COMMUNITY_TAILS);
    }

    /** Plans the whole city; the same seed and day give the same plan. */
    static DemoCity plan(Random random, LocalDate today) {
        DemoCity city = new DemoCity(random, today);
        city.build();
        return city;
    }

    List<OrgSpec> organizations() {
        return Collections.unmodifiableList(organizations);
    }

    /** 中共湘云市委组织部. */
    int cityDepartmentKey() {
        return cityDepartmentKey;
    }

    /** The six counties/districts, the first ("county1") being 青溪县. */
    List<County> counties() {
        return Collections.unmodifiableList(counties);
    }

    long branchCount() {
        return organizations.stream().filter(OrgSpec::isBranch).count();
    }

    private void build() {
        int city = add(OrgSpec.NONE, CITY, CITY, OrganizationKind.CITY, OrgSpec.NONE, null, 0);
        buildCityCommittee(city);
        for (UnitSpec unit : CITY_UNITS) {
            unit(city, CITY + unit.name(), unit, Workforce.ORGAN);
        }
        for (UnitSpec unit : CITY_NAMED_UNITS) {
            unit(city, unit.name(), unit, Workforce.ORGAN);
        }
        for (int i = 0; i < COUNTY_NAMES.size(); i++) {
            buildCounty(city, COUNTY_NAMES.get(i), TOWNSHIPS.get(i));
        }
    }

    private void buildCityCommittee(int city) {
        int committee = add(city, "中共" + CITY + "委员会", "市委", OrganizationKind.PARTY_COMMITTEE, OrgSpec.NONE,
                CITY_COMMITTEE_TERM_START, CITY_COMMITTEE_TERM_START.plusYears(OrganizationKind.PARTY_COMMITTEE.defaultTermYears()),
                null, 0);
        cityDepartmentKey = unit(committee, "中共" + CITY + "委组织部",
                new UnitSpec("委组织部", "市委组织部", OrganizationKind.ORGAN, Party.branch(), 26, 34), Workforce.PARTY_ORGAN);
        for (UnitSpec organ : CITY_PARTY_ORGANS) {
            unit(committee, "中共" + CITY + organ.name(), organ, Workforce.PARTY_ORGAN);
        }
    }

    private void buildCounty(int city, String name, int townships) {
        String level = name.substring(name.length() - 1);
        int county = add(city, name, name, OrganizationKind.COUNTY, OrgSpec.NONE, null, 0);
        int committee = partyOrganization(county, "中共" + name + "委员会", name + "委", OrganizationKind.PARTY_COMMITTEE,
                OrgSpec.NONE, false);
        int department = unit(committee, "中共" + name + "委组织部",
                new UnitSpec("委组织部", name + "委组织部", OrganizationKind.ORGAN, Party.branch(), 12, 16), Workforce.PARTY_ORGAN);
        counties.add(new County(name, county, department));
        for (UnitSpec organ : countyOrgans()) {
            unit(county, name + organ.name(), countyUnit(organ, level), Workforce.ORGAN);
        }
        for (UnitSpec unit : COUNTY_UNITS) {
            unit(county, name + unit.name(), countyUnit(unit, level), Workforce.ORGAN);
        }
        boolean district = "区".equals(level);
        for (int i = 0; i < townships; i++) {
            buildTownship(county, name, townshipName(name, district, i));
        }
    }

    private List<UnitSpec> countyOrgans() {
        List<UnitSpec> optional = new ArrayList<>(COUNTY_ORGANS.subList(FIXED_COUNTY_ORGANS, COUNTY_ORGANS.size()));
        Collections.shuffle(optional, random);
        List<UnitSpec> chosen = new ArrayList<>(COUNTY_ORGANS.subList(0, FIXED_COUNTY_ORGANS));
        List<UnitSpec> extra = optional.subList(0, COUNTY_ORGAN_COUNT - FIXED_COUNTY_ORGANS);
        // keep the table's order, as a county's own list would be
        COUNTY_ORGANS.stream().filter(extra::contains).forEach(chosen::add);
        return chosen;
    }

    private static UnitSpec countyUnit(UnitSpec unit, String level) {
        return new UnitSpec(unit.name(), level + unit.shortName(), unit.kind(), unit.party(), unit.minPeople(), unit.maxPeople());
    }

    /** The seat of a county is a 镇 named after it, of a district a 街道; then 乡镇 or streets from the pools. */
    private String townshipName(String county, boolean district, int index) {
        String base = county.substring(0, county.length() - 1);
        if (index == 0) {
            return district ? base + "街道" : base + "镇";
        }
        if (district) {
            return index <= 2 || random.nextBoolean() ? take(streetNames) + "街道" : take(townshipNames) + "镇";
        }
        return take(townshipNames) + (random.nextInt(3) == 0 ? "乡" : "镇");
    }

    private void buildTownship(int county, String countyName, String name) {
        boolean street = name.endsWith("街道");
        String base = name.substring(0, name.length() - (street ? 2 : 1));
        int township = add(county, name, name, street ? OrganizationKind.STREET : OrganizationKind.TOWNSHIP, OrgSpec.NONE, null, 0);
        int committee = street
                ? partyOrganization(township, "中共" + name + "工作委员会", name + "党工委", OrganizationKind.PARTY_WORKING_COMMITTEE, OrgSpec.NONE, false)
                : partyOrganization(township, "中共" + name + "委员会", name + "党委", OrganizationKind.PARTY_COMMITTEE, OrgSpec.NONE, false);
        int office = add(township, name + (street ? "办事处" : "人民政府"), name + (street ? "办事处" : "政府"),
                OrganizationKind.ORGAN, OrgSpec.NONE, Workforce.ORGAN, between(10, 18));
        partyOrganization(office, "中共" + name + "机关支部委员会", name + "机关党支部", OrganizationKind.PARTY_BRANCH, office, false);
        int places = 3 + random.nextInt(4);
        List<String> villageNamesHere = new ArrayList<>();
        for (int i = 0; i < places; i++) {
            boolean community = street ? random.nextInt(5) > 0 : i == 0 && random.nextInt(3) == 0;
            String village = community ? take(communityNames) + "社区" : take(villageNames) + "村";
            if (!community) {
                villageNamesHere.add(village);
            }
            villageOrCommunity(township, village, community);
        }
        buildSchools(township, name, base, street, villageNamesHere);
        String clinic = street ? base + "社区卫生服务中心" : name + "卫生院";
        localUnit(township, clinic, OrganizationKind.INSTITUTION,
                random.nextInt(7) == 0 ? Party.branch() : Party.none(), 6, 10, Workforce.INSTITUTION);
        // 乡镇事业站所: staff's Party members sit in the 机关支部
        String service = name + (street ? "综合便民服务中心" : "农业综合服务中心");
        localUnit(township, service, OrganizationKind.INSTITUTION, Party.none(), 3, 5, Workforce.INSTITUTION);
        buildNewOrganizations(township, committee, countyName, name);
    }

    private void villageOrCommunity(int township, String name, boolean community) {
        OrganizationKind kind = community ? OrganizationKind.COMMUNITY : OrganizationKind.VILLAGE;
        int place = add(township, name, name, kind, OrgSpec.NONE, community ? Workforce.COMMUNITY : Workforce.VILLAGE,
                between(community ? 8 : 5, community ? 13 : 11));
        boolean general = random.nextInt(community ? 5 : 20) == 0;
        if (general) {
            int total = partyOrganization(place, "中共" + name + "总支部委员会", name + "党总支",
                    OrganizationKind.PARTY_GENERAL_BRANCH, place, true);
            String prefix = community ? "网格" : "";
            partyOrganization(total, "中共" + name + prefix + "第一支部委员会", name + prefix + "第一党支部",
                    OrganizationKind.PARTY_BRANCH, place, true);
            partyOrganization(total, "中共" + name + prefix + "第二支部委员会", name + prefix + "第二党支部",
                    OrganizationKind.PARTY_BRANCH, place, true);
        } else {
            partyOrganization(place, "中共" + name + "支部委员会", name + "党支部", OrganizationKind.PARTY_BRANCH, place, true);
        }
    }

    private void buildSchools(int township, String name, String base, boolean street, List<String> villages) {
        String main = street ? base + "小学" : name + "中心学校";
        Party party = random.nextInt(3) > 0 ? Party.branch() : Party.none();
        localUnit(township, main, OrganizationKind.SCHOOL, party, 10, 16, Workforce.SCHOOL);
        if (street) {
            String kindergarten = base + "幼儿园";
            localUnit(township, kindergarten, OrganizationKind.SCHOOL, Party.none(), 4, 8, Workforce.SCHOOL);
            return;
        }
        int small = Math.min(villages.size(), 1 + random.nextInt(3));
        for (int i = 0; i < small; i++) {
            String school = villages.get(i) + "小学";
            localUnit(township, school, OrganizationKind.SCHOOL, Party.none(), 3, 6, Workforce.SCHOOL);
        }
    }

    /**
     * 两新组织: a few companies and co-operatives; in most townships a 联合党支部 covers the small ones
     * (with a few 个体工商户 members kept on it directly), and now and then a larger one has its own branch.
     * Some stay uncovered, so that the two coverage rates have something to report.
     */
    private void buildNewOrganizations(int township, int committee, String countyName, String townshipName) {
        int firms = 5 + random.nextInt(4);
        boolean ownBranch = random.nextInt(7) == 0;
        for (int i = 0; i < firms; i++) {
            String firm = firmName(countyName);
            Party party = ownBranch && i == 0 ? Party.branch() : Party.none();
            localUnit(township, firm, OrganizationKind.NEW_ORGANIZATION, party, 2, ownBranch && i == 0 ? 12 : 6,
                    Workforce.NEW_ORGANIZATION);
        }
        if (random.nextInt(5) < 3) {
            int joint = partyOrganization(committee, "中共" + townshipName + "非公有制企业联合支部委员会",
                    townshipName + "非公企业联合党支部", OrganizationKind.PARTY_JOINT_BRANCH, OrgSpec.NONE, false);
            setPeople(joint, Workforce.MEMBERS, between(2, 4));
        }
    }

    private String firmName(String countyName) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String name = countyName + pick(FIRM_NAMES) + pick(FIRM_TRADES);
            if (firmNames.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("No unused demo company name left in " + countyName);
    }

    /**
     * Adds a unit and the Party organization built in it (under the unit, {@code unit_id} = the unit);
     * returns the unit's key. Organs' Party organizations are 机关 ones: 中共湘云市财政局机关支部委员会.
     */
    private int unit(int parent, String fullName, UnitSpec spec, Workforce organWorkforce) {
        Workforce staff = switch (spec.kind()) {
            case SCHOOL -> Workforce.SCHOOL;
            case INSTITUTION -> Workforce.INSTITUTION;
            case STATE_ENTERPRISE -> Workforce.ENTERPRISE;
            case NEW_ORGANIZATION -> Workforce.NEW_ORGANIZATION;
            default -> organWorkforce;
        };
        int unit = add(parent, fullName, spec.shortName(), spec.kind(), OrgSpec.NONE, staff, between(spec.minPeople(), spec.maxPeople()));
        String organ = spec.kind() == OrganizationKind.ORGAN ? "机关" : "";
        String full = (fullName.startsWith("中共") ? "" : "中共") + fullName + organ;
        String shortName = spec.shortName() + organ;
        switch (spec.party().shape()) {
            case BRANCH -> partyOrganization(unit, full + "支部委员会", shortName + "党支部", OrganizationKind.PARTY_BRANCH, unit, false);
            case GENERAL_BRANCH -> {
                int total = partyOrganization(unit, full + "总支部委员会", shortName + "党总支", OrganizationKind.PARTY_GENERAL_BRANCH, unit, false);
                subBranches(total, full, shortName, spec.party().branches(), unit);
            }
            case COMMITTEE -> {
                int committee = partyOrganization(unit, full + "委员会", shortName + "党委", OrganizationKind.PARTY_COMMITTEE, unit, false);
                subBranches(committee, full.substring(0, full.length() - organ.length()), spec.shortName(), spec.party().branches(), unit);
            }
            case NONE -> {
            }
        }
        return unit;
    }

    /** A unit named without a region prefix (乡镇 units, companies), its short name the same. */
    private int localUnit(int parent, String name, OrganizationKind kind, Party party, int minPeople, int maxPeople, Workforce workforce) {
        return unit(parent, name, new UnitSpec(name, name, kind, party, minPeople, maxPeople), workforce);
    }

    private void subBranches(int parent, String fullPrefix, String shortPrefix, List<String> names, int unit) {
        for (String name : names) {
            int branch = partyOrganization(parent, fullPrefix + name + "支部委员会", shortPrefix + name + "党支部",
                    OrganizationKind.PARTY_BRANCH, unit, false);
            if (RETIRED.equals(name)) {
                setPeople(branch, Workforce.RETIREES, between(4, 8));
            }
        }
    }

    /** A Party organization with a term: 5 years for committees and at village/community level, else the kind's default. */
    private int partyOrganization(int parent, String name, String shortName, OrganizationKind kind, int unit, boolean villageLevel) {
        int years = villageLevel ? VILLAGE_LEVEL_TERM_YEARS : kind.defaultTermYears();
        LocalDate end = termEnd(years);
        return add(parent, name, shortName, kind, unit, end.minusYears(years), end, null, 0);
    }

    /** Mostly well inside the term; {@value #EXPIRED_SHARE} already over, {@value #EXPIRING_SHARE} ending within six months. */
    private LocalDate termEnd(int years) {
        double r = random.nextDouble();
        if (r < EXPIRED_SHARE) {
            return today.minusDays(between(10, 200));
        }
        if (r < EXPIRED_SHARE + EXPIRING_SHARE) {
            return today.plusDays(between(10, 175));
        }
        return today.plusDays(between(200, years * 365 - 20));
    }

    private int add(int parent, String name, String shortName, OrganizationKind kind, int unit, Workforce workforce, int people) {
        return add(parent, name, shortName, kind, unit, null, null, workforce, people);
    }

    private int add(int parent, String name, String shortName, OrganizationKind kind, int unit, LocalDate termStart,
                    LocalDate termEnd, Workforce workforce, int people) {
        int key = organizations.size();
        int sortOrder = 0;
        if (parent != OrgSpec.NONE) {
            sortOrder = 10 * (childCounts.get(parent) + 1);
            childCounts.set(parent, childCounts.get(parent) + 1);
        }
        organizations.add(new OrgSpec(key, parent, name, shortName, kind, unit, termStart, termEnd, sortOrder,
                people > 0 ? workforce : null, people));
        childCounts.add(0);
        return key;
    }

    private void setPeople(int key, Workforce workforce, int people) {
        OrgSpec o = organizations.get(key);
        organizations.set(key, new OrgSpec(o.key(), o.parentKey(), o.name(), o.shortName(), o.kind(), o.unitKey(),
                o.termStart(), o.termEnd(), o.sortOrder(), workforce, people));
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The curated names in random order, then two-character combinations not among them. */
    private SequencedSet<String> pool(List<String> curated, String heads, String tails) {
        List<String> first = new ArrayList<>(curated);
        Collections.shuffle(first, random);
        List<String> more = new ArrayList<>();
        for (char head : heads.toCharArray()) {
            for (char tail : tails.toCharArray()) {
                more.add("" + head + tail);
            }
        }
        Collections.shuffle(more, random);
        SequencedSet<String> pool = new LinkedHashSet<>(first);
        pool.addAll(more);
        return pool;
    }

    private String take(SequencedSet<String> pool) {
        if (pool.isEmpty()) {
            throw new IllegalStateException("Demo name pool exhausted");
        }
        return pool.removeFirst();
    }
}
