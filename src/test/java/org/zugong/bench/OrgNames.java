package org.zugong.bench;

import java.util.List;
import java.util.random.RandomGenerator;

/** Plausible Chinese names for generated regions, units and Party organizations. */
final class OrgNames {

    private static final String PLACE = "金石龙桥塘湾坪江山田溪岭河湖新东西南北安兴平华花云白黄青长高大马凤桃杨柳竹梅松枫泉沙"
            + "双三五福寿永丰太和乐仁义清明阳春秋富贵宝塔庙口洲港林源泽水岗坡冲湘资沅澧衡岳韶";
    private static final String NUMERALS = "一二三四五六七八九十";

    private static final List<String> ORGANS = List.of(
            "中共{R}委办公室", "{R}人民政府办公室", "中共{R}委组织部", "中共{R}委宣传部", "中共{R}委统战部",
            "中共{R}委政法委员会", "{R}纪委监委", "{R}发展和改革局", "{R}教育局", "{R}科学技术局", "{R}工业和信息化局",
            "{R}公安局", "{R}民政局", "{R}司法局", "{R}财政局", "{R}人力资源和社会保障局", "{R}自然资源局",
            "{R}生态环境局", "{R}住房和城乡建设局", "{R}交通运输局", "{R}水利局", "{R}农业农村局", "{R}商务局",
            "{R}文化旅游广电体育局", "{R}卫生健康局", "{R}退役军人事务局", "{R}应急管理局", "{R}审计局",
            "{R}市场监督管理局", "{R}统计局", "{R}医疗保障局", "{R}林业局", "{R}信访局", "{R}人民法院",
            "{R}人民检察院", "{R}总工会", "共青团{R}委员会", "{R}妇女联合会", "{R}档案馆", "{R}机关事务服务中心",
            "{R}政务服务中心", "{R}税务局", "{R}气象局", "{R}烟草专卖局", "{R}供销合作社联合社");
    private static final List<String> ORGAN_SUFFIXES = List.of("派出所", "司法所", "财政所", "市场监督管理所",
            "自然资源所", "执法大队", "管理站", "服务中心");
    private static final List<String> INSTITUTIONS = List.of(
            "{R}人民医院", "{R}中医医院", "{R}妇幼保健院", "{R}疾病预防控制中心", "{R}融媒体中心", "{R}图书馆",
            "{R}文化馆", "{R}博物馆", "{R}社会福利院", "{R}住房公积金管理中心", "{R}不动产登记中心",
            "{R}农业技术推广中心", "{R}城乡规划设计院", "{R}公共资源交易中心", "{R}第二人民医院");
    private static final List<String> INDUSTRIES = List.of("建材", "电子科技", "农业开发", "食品", "物流", "医药",
            "纺织", "房地产开发", "餐饮管理", "商贸", "机械制造", "新材料", "信息技术", "文化传媒", "茶业", "生态农业",
            "物业管理", "建筑工程", "环保科技", "汽车销售");
    private static final List<String> NEW_ORG_FORMS = List.of("有限公司", "有限公司", "有限公司", "股份有限公司",
            "专业合作社", "协会", "律师事务所", "会计师事务所");
    private static final List<String> STATE_ENTERPRISES = List.of("城市建设投资集团有限公司", "交通建设投资有限公司",
            "水务投资有限公司", "国有资产经营有限公司", "农业发展投资有限公司", "文化旅游发展集团有限公司",
            "产业投资集团有限公司", "公共交通有限公司", "粮食储备有限公司", "工业园区开发有限公司");

    private final RandomGenerator random;

    OrgNames(RandomGenerator random) {
        this.random = random;
    }

    String township(boolean street) {
        return place(2) + (street ? "街道" : random.nextInt(10) < 7 ? "镇" : "乡");
    }

    String village(boolean community) {
        return place(2) + (community ? "社区" : "村");
    }

    String townshipGovernment(OrgNode township) {
        return township.name() + (township.name().endsWith("街道") ? "办事处" : "人民政府");
    }

    String organ(Region region, int index) {
        if (index < ORGANS.size()) {
            return ORGANS.get(index).replace("{R}", region.name());
        }
        return region.name() + place(2) + pick(ORGAN_SUFFIXES);
    }

    String institution(Region region, int index) {
        if (index < INSTITUTIONS.size()) {
            return INSTITUTIONS.get(index).replace("{R}", region.name());
        }
        return region.name() + place(2) + pick(List.of("卫生院", "水库管理所", "林场", "敬老院", "农业综合服务站"));
    }

    String school(Region region, int index, boolean provinceLevel) {
        if (provinceLevel) {
            return index % 3 == 0 ? region.shortName() + place(1) + "大学" : place(2) + pick(List.of("学院", "职业技术学院", "师范学院"));
        }
        return switch (index % 4) {
            case 0 -> region.name() + "第" + numeral(index / 4 + 1) + "中学";
            case 1 -> region.name() + place(2) + "小学";
            case 2 -> region.name() + place(2) + "中心小学";
            default -> region.name() + place(2) + "幼儿园";
        };
    }

    String townshipSchool(OrgNode township) {
        return township.name() + pick(List.of("中心小学", "中学", "中心幼儿园", place(1) + "小学"));
    }

    String townshipInstitution(OrgNode township) {
        return township.name() + pick(List.of("卫生院", "农业综合服务中心", "文化站", "社会事务综合服务中心", "财政所"));
    }

    String stateEnterprise(Region region) {
        return region.shortName() + pick(STATE_ENTERPRISES);
    }

    String newOrganization(Region region) {
        String form = pick(NEW_ORG_FORMS);
        if (form.equals("协会")) {
            return region.name() + pick(INDUSTRIES) + "协会";
        }
        return region.shortName() + place(2) + pick(INDUSTRIES) + form;
    }

    String committee(String of) {
        return "中共" + of + "委员会";
    }

    String workingCommittee(String of) {
        return "中共" + of + "工作委员会";
    }

    String branch(OrgNode unit) {
        return unit.name() + "党支部";
    }

    String generalBranch(OrgNode unit) {
        return unit.name() + "党总支";
    }

    String numberedBranch(OrgNode unit, int n) {
        return unit.name() + "第" + numeral(n) + "党支部";
    }

    String jointBranch(OrgNode firstUnit, int units) {
        return firstUnit.name() + "等" + units + "家单位联合党支部";
    }

    String retireesBranch(OrgNode parent) {
        return parent.name().replace("中共", "").replace("委员会", "") + "离退休党员党支部";
    }

    private String place(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(PLACE.charAt(random.nextInt(PLACE.length())));
        }
        return s.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String numeral(int n) {
        return n >= 1 && n <= NUMERALS.length() ? String.valueOf(NUMERALS.charAt(n - 1)) : Integer.toString(n);
    }
}
