package org.zugong.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every permission the application checks, with its Chinese name for the role editor. */
public final class Permissions {

    public static final String ORG_READ = "org:read";
    public static final String ORG_WRITE = "org:write";
    public static final String PERSON_READ = "person:read";
    public static final String PERSON_WRITE = "person:write";
    public static final String PERSON_EXPORT = "person:export";
    /** Seeing a full ID number (身份证号明文) — audited each time. */
    public static final String PERSON_ID_FULL = "person:id-full";
    /** 干部档案: read cadre files, run cadre searches and lists. */
    public static final String CADRE_READ = "cadre:read";
    /** Edit cadre files and import LRMX forms. */
    public static final String CADRE_WRITE = "cadre:write";
    /** Export LRMX files and rosters (they carry full ID numbers or personal data) — audited. */
    public static final String CADRE_EXPORT = "cadre:export";
    /** 考核: see periods, results, quotas and profiles in the jurisdiction. */
    public static final String ASSESSMENT_READ = "assessment:read";
    /** 考核组织: schemes, periods, population, proposals, 公示, confirmation, quota approvals, bulk entry. */
    public static final String ASSESSMENT_MANAGE = "assessment:manage";
    /** 领导评价: indicator scores and the evaluation of the people one assesses. */
    public static final String ASSESSMENT_EVALUATE = "assessment:evaluate";
    /** 个人小结: write one's own self-summary (or, for a clerk, on behalf of the unit's people). */
    public static final String ASSESSMENT_SELF = "assessment:self";
    /** 预警: see warnings and their explanations in the jurisdiction. */
    public static final String WARNING_READ = "warning:read";
    /** 预警处置: assign, record actions, close (销号). */
    public static final String WARNING_HANDLE = "warning:handle";
    /** 预警规则: define, version, enable and backtest rules. */
    public static final String WARNING_RULES = "warning:rules";
    /** 监督: see supervision records (提醒谈话, 函询, 诫勉, 处分, 信访) and personal-matters reports. */
    public static final String SUPERVISION_READ = "supervision:read";
    /** Record and close supervision records; enter reports, draw spot checks, enter check results. */
    public static final String SUPERVISION_WRITE = "supervision:write";
    /** 党员发展: check a development timeline against the 细则 (and later read development records). */
    public static final String RECRUITMENT_READ = "recruitment:read";
    /** Keep development records: register applicants and record each step of the development. */
    public static final String RECRUITMENT_WRITE = "recruitment:write";
    /** 党委审批: approve admission and conversion, extend probation, the Party committee's pre-review. */
    public static final String RECRUITMENT_APPROVE = "recruitment:approve";
    /** 县委组织部预审: the county organization department's pre-review (双重预审). */
    public static final String RECRUITMENT_PREREVIEW = "recruitment:prereview";
    /** 人才库: read the talent registry, search and export it. */
    public static final String TALENT_READ = "talent:read";
    /** Maintain registry records (and later talent cards); create talent accounts. */
    public static final String TALENT_WRITE = "talent:write";
    /** 人才办审核: review applications, 公示 and recognition. */
    public static final String TALENT_REVIEW = "talent:review";
    /** 专家评审委员会: the expert committee's decision on an application. */
    public static final String TALENT_COMMITTEE = "talent:committee";
    /** 用人单位确认: the employer's confirmation of an application. */
    public static final String TALENT_EMPLOYER = "talent:employer";
    /** 人才服务专员: handle the service requests routed to one. */
    public static final String TALENT_SERVICE = "talent:service";
    /** A talent's own records (the TALENT account kind holds this one permission only). */
    public static final String TALENT_SELF = "talent:self";
    public static final String USER_MANAGE = "user:manage";
    public static final String ROLE_MANAGE = "role:manage";
    public static final String USER_UNLOCK = "user:unlock";
    public static final String AUDIT_READ = "audit:read";
    public static final String AUDIT_EXPORT = "audit:export";

    public static final Map<String, String> ALL;

    static {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(ORG_READ, "查看组织");
        all.put(ORG_WRITE, "维护组织");
        all.put(PERSON_READ, "查看人员");
        all.put(PERSON_WRITE, "维护人员");
        all.put(PERSON_EXPORT, "导出人员");
        all.put(PERSON_ID_FULL, "查看完整身份证号");
        all.put(CADRE_READ, "查看干部档案");
        all.put(CADRE_WRITE, "维护干部档案（含导入任免审批表）");
        all.put(CADRE_EXPORT, "导出干部档案与花名册");
        all.put(ASSESSMENT_READ, "查看考核");
        all.put(ASSESSMENT_MANAGE, "组织考核（方案、周期、审定、公示、确认）");
        all.put(ASSESSMENT_EVALUATE, "考核评价（领导评分）");
        all.put(ASSESSMENT_SELF, "填写个人小结");
        all.put(WARNING_READ, "查看预警");
        all.put(WARNING_HANDLE, "处置预警（交办、记录、销号）");
        all.put(WARNING_RULES, "维护预警规则");
        all.put(SUPERVISION_READ, "查看监督记录与个人有关事项报告");
        all.put(SUPERVISION_WRITE, "维护监督记录、个人有关事项报告与核查");
        all.put(RECRUITMENT_READ, "查看党员发展（含程序校验）");
        all.put(RECRUITMENT_WRITE, "维护发展党员档案");
        all.put(RECRUITMENT_APPROVE, "党委审批（接收预备党员、转正、延长预备期、党委预审）");
        all.put(RECRUITMENT_PREREVIEW, "县委组织部预审");
        all.put(TALENT_READ, "查看人才库");
        all.put(TALENT_WRITE, "维护人才库（含开通人才账号）");
        all.put(TALENT_REVIEW, "人才认定审核（人才办审核、公示、认定）");
        all.put(TALENT_COMMITTEE, "专家评审委员会评审");
        all.put(TALENT_EMPLOYER, "用人单位确认");
        all.put(TALENT_SERVICE, "人才服务专员办理服务申请");
        all.put(TALENT_SELF, "人才本人（仅人才账号）");
        all.put(USER_MANAGE, "用户管理（系统管理员）");
        all.put(ROLE_MANAGE, "角色与权限（安全管理员）");
        all.put(USER_UNLOCK, "解锁账号（安全管理员）");
        all.put(AUDIT_READ, "查看审计日志（审计管理员）");
        all.put(AUDIT_EXPORT, "导出审计日志（审计管理员）");
        ALL = java.util.Collections.unmodifiableMap(all);
    }

    private Permissions() {
    }
}
