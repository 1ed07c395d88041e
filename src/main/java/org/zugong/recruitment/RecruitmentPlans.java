package org.zugong.recruitment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * The annual development plans (年度发展党员计划, F44) of Party committees (党委, 党工委, 党总支) and their progress:
 * the candidates admitted in the plan's year (admission meeting in the year, approval recorded) in 党支部 under the
 * committee, in total and by {@link RecruitmentKeyGroup}, counted by one grouped query.
 */
@Service
@Transactional(readOnly = true)
public class RecruitmentPlans {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final Set<OrganizationKind> COMMITTEE_KINDS = Set.of(OrganizationKind.PARTY_COMMITTEE,
            OrganizationKind.PARTY_WORKING_COMMITTEE, OrganizationKind.PARTY_GENERAL_BRANCH);
    /** Unit kinds whose people count as 一线. */
    static final List<String> FRONT_LINE_KINDS = List.of("VILLAGE", "COMMUNITY", "STATE_ENTERPRISE", "NEW_ORGANIZATION");

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final AuditLog audit;

    RecruitmentPlans(JdbcClient jdbc, Organizations organizations, AuditLog audit) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.audit = audit;
    }

    /** What the caller sends: the committee, the year, the total and the targets by key group (absent = 0). */
    public record PlanForm(Long partyOrgId, Integer year, Integer totalTarget, Map<RecruitmentKeyGroup, Integer> targets,
                           Integer version) {
    }

    public record Plan(long id, long partyOrgId, String partyOrgName, String partyOrgPath, int year, int totalTarget,
                       Map<RecruitmentKeyGroup, Integer> targets, int version, String updatedBy, OffsetDateTime updatedAt) {
    }

    /** One line of progress: the target and the number admitted so far. */
    public record Line(String key, String label, int target, long admitted) {
        public int percent() {
            return target == 0 ? 100 : (int) Math.min(100, admitted * 100 / target);
        }
    }

    public record Progress(long admitted, Map<RecruitmentKeyGroup, Long> byGroup) {
    }

    public record Detail(Plan plan, Progress progress, List<Line> lines) {
    }

    public record Row(long id, long partyOrgId, String partyOrgName, int year, int totalTarget) {
    }

    /** The plans of the committees in the caller's jurisdiction, newest year first. */
    public List<Row> list(Integer year) {
        SqlCondition scope = organizations.jurisdiction().orgCondition("o.path", "o.id", "j");
        Map<String, Object> params = new HashMap<>(scope.params());
        String sql = "SELECT p.id, p.party_org_id, o.name AS party_org_name, p.year, p.total_target FROM recruitment_plan p "
                + "JOIN org_organization o ON o.id = p.party_org_id WHERE " + scope.sql();
        if (year != null) {
            sql += " AND p.year = :year";
            params.put("year", year);
        }
        return jdbc.sql(sql + " ORDER BY p.year DESC, o.path").params(params).query(Row.class).list();
    }

    /** The committees the caller may plan for. */
    public List<OrganizationSummary> committees() {
        Jurisdiction j = organizations.jurisdiction();
        SqlCondition scope = j.orgCondition("o.path", "o.id", "j");
        List<Long> ids = jdbc.sql("SELECT o.id FROM org_organization o WHERE o.kind IN (:kinds) AND " + scope.sql() + " ORDER BY o.path")
                .param("kinds", COMMITTEE_KINDS.stream().map(Enum::name).toList()).params(scope.params())
                .query(Long.class).list();
        return ids.stream().map(organizations::requireVisible).toList();
    }

    public Detail detail(long id) {
        Plan plan = requireVisible(id);
        Progress progress = progress(plan.partyOrgPath(), plan.year());
        List<Line> lines = new java.util.ArrayList<>();
        lines.add(new Line("TOTAL", "发展党员总数", plan.totalTarget(), progress.admitted()));
        for (RecruitmentKeyGroup g : RecruitmentKeyGroup.values()) {
            lines.add(new Line(g.name(), g.label(), plan.targets().getOrDefault(g, 0), progress.byGroup().get(g)));
        }
        return new Detail(plan, progress, lines);
    }

    @Transactional
    public long create(PlanForm f) {
        OrganizationSummary committee = validate(f, null);
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO recruitment_plan (party_org_id, year, total_target, created_by, updated_by)
                    VALUES (:org, :year, :total, :u, :u)
                    ON CONFLICT (party_org_id, year) DO NOTHING RETURNING id
                    """).param("org", committee.id()).param("year", f.year()).param("total", f.totalTarget()).param("u", user())
                    .query(Long.class).optional()
                    .orElseThrow(() -> duplicate(committee, f.year()));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw duplicate(committee, f.year());
        }
        saveTargets(id, f.targets());
        audit.record("RECRUITMENT_PLAN_CREATE", "recruitment_plan", id, "制定" + f.year() + "年度发展党员计划：" + committee.name()
                + "，总数 " + f.totalTarget() + "，" + describe(f.targets()));
        return id;
    }

    @Transactional
    public void update(long id, PlanForm f) {
        Plan existing = requireVisible(id);
        OrganizationSummary committee = validate(f, id);
        int expected = f.version() == null ? existing.version() : f.version();
        int n = jdbc.sql("""
                UPDATE recruitment_plan SET party_org_id = :org, year = :year, total_target = :total, version = version + 1,
                       updated_by = :u, updated_at = now()
                WHERE id = :id AND version = :v
                """).param("org", committee.id()).param("year", f.year()).param("total", f.totalTarget()).param("u", user())
                .param("id", id).param("v", expected).update();
        if (n == 0) {
            throw new EditConflictException("发展党员计划（" + existing.partyOrgName() + " " + existing.year() + "年）");
        }
        jdbc.sql("DELETE FROM recruitment_plan_target WHERE plan_id = :id").param("id", id).update();
        saveTargets(id, f.targets());
        audit.record("RECRUITMENT_PLAN_UPDATE", "recruitment_plan", id, "修改" + f.year() + "年度发展党员计划：" + committee.name()
                + "，总数 " + f.totalTarget() + "，" + describe(f.targets()));
    }

    /**
     * Progress of a committee in a year: candidates of 党支部 under the committee's path whose admission meeting lies in
     * the year and whose admission was approved; the key groups from {@code person_view} and the person's unit.
     */
    Progress progress(String committeePath, int year) {
        Map<String, Object> row = jdbc.sql("""
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE u.kind IN (:frontLine)) AS front_line,
                       count(*) FILTER (WHERE p.birth_date > c.admission_date - INTERVAL '36 years') AS young,
                       count(*) FILTER (WHERE p.education LIKE '1%' OR p.education LIKE '2%') AS highly_educated,
                       count(*) FILTER (WHERE p.sex = '2') AS women,
                       count(*) FILTER (WHERE p.ethnicity <> '01') AS minority
                FROM recruitment_candidate c
                JOIN org_organization b ON b.id = c.branch_org_id
                JOIN person_view p ON p.id = c.person_id
                JOIN org_organization u ON u.id = p.org_id
                WHERE b.path LIKE :path AND c.approval_date IS NOT NULL
                  AND c.admission_date >= :from AND c.admission_date < :to
                """).param("frontLine", FRONT_LINE_KINDS).param("path", committeePath + "%")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query().singleRow();
        Map<RecruitmentKeyGroup, Long> by = new EnumMap<>(RecruitmentKeyGroup.class);
        for (RecruitmentKeyGroup g : RecruitmentKeyGroup.values()) {
            by.put(g, ((Number) row.get(g.name().toLowerCase())).longValue());
        }
        return new Progress(((Number) row.get("total")).longValue(), by);
    }

    private OrganizationSummary validate(PlanForm f, Long id) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (f.partyOrgId() == null) {
            errors.add("partyOrgId", "请选择党委（党工委、党总支）");
        }
        if (f.year() == null) {
            errors.add("year", "请填写计划年度");
        } else if (f.year() < MIN_YEAR || f.year() > MAX_YEAR) {
            errors.add("year", "计划年度应在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 年之间");
        }
        if (f.totalTarget() == null) {
            errors.add("totalTarget", "请填写计划发展党员总数");
        } else if (f.totalTarget() < 0) {
            errors.add("totalTarget", "计划发展党员总数不能为负数");
        }
        if (f.targets() != null) {
            for (var e : f.targets().entrySet()) {
                if (e.getKey() == null) {
                    continue;
                }
                if (e.getValue() != null && e.getValue() < 0) {
                    errors.add("targets[" + e.getKey().name() + "]", e.getKey().label() + "的计划数不能为负数");
                } else if (e.getValue() != null && f.totalTarget() != null && e.getValue() > f.totalTarget()) {
                    errors.add("targets[" + e.getKey().name() + "]", e.getKey().label() + "的计划数不能多于计划发展党员总数");
                }
            }
        }
        errors.throwIfAny();
        OrganizationSummary committee = organizations.requireVisible(f.partyOrgId());
        if (!COMMITTEE_KINDS.contains(committee.kind())) {
            throw FieldErrors.of("partyOrgId", "“" + committee.name() + "”不是党委、党工委或党总支，发展党员计划由党委（党工委、党总支）制定");
        }
        boolean taken = jdbc.sql("SELECT count(*) FROM recruitment_plan WHERE party_org_id = :o AND year = :y AND id <> :id")
                .param("o", committee.id()).param("y", f.year()).param("id", id == null ? -1L : id).query(Long.class).single() > 0;
        if (taken) {
            throw duplicate(committee, f.year());
        }
        return committee;
    }

    private static FieldErrors duplicate(OrganizationSummary committee, int year) {
        return FieldErrors.of("year", committee.name() + "已有" + year + "年度发展党员计划，不能重复制定");
    }

    private void saveTargets(long id, Map<RecruitmentKeyGroup, Integer> targets) {
        for (RecruitmentKeyGroup g : RecruitmentKeyGroup.values()) {
            Integer t = targets == null ? null : targets.get(g);
            jdbc.sql("INSERT INTO recruitment_plan_target (plan_id, key_group, target) VALUES (:id, :g, :t)")
                    .param("id", id).param("g", g.name()).param("t", t == null ? 0 : t).update();
        }
    }

    private static String describe(Map<RecruitmentKeyGroup, Integer> targets) {
        StringBuilder sb = new StringBuilder();
        for (RecruitmentKeyGroup g : RecruitmentKeyGroup.values()) {
            Integer t = targets == null ? null : targets.get(g);
            sb.append(sb.isEmpty() ? "" : "、").append(g.label()).append(' ').append(t == null ? 0 : t);
        }
        return sb.toString();
    }

    private Plan requireVisible(long id) {
        var found = jdbc.sql("""
                SELECT p.id, p.party_org_id, o.name, o.path, p.year, p.total_target, p.version, p.updated_by, p.updated_at
                FROM recruitment_plan p JOIN org_organization o ON o.id = p.party_org_id WHERE p.id = :id
                """).param("id", id).query((rs, i) -> new Plan(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getInt(6), targets(rs.getLong(1)), rs.getInt(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class))).optional();
        if (found.isEmpty() || !organizations.jurisdiction().covers(found.get().partyOrgPath(), found.get().partyOrgId())) {
            audit.recordAlone("ACCESS_DENIED", "recruitment_plan", id, "发展党员计划不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("发展党员计划", id);
        }
        return found.get();
    }

    private Map<RecruitmentKeyGroup, Integer> targets(long planId) {
        Map<RecruitmentKeyGroup, Integer> m = new EnumMap<>(RecruitmentKeyGroup.class);
        jdbc.sql("SELECT key_group, target FROM recruitment_plan_target WHERE plan_id = :id").param("id", planId)
                .query((rs, i) -> m.put(RecruitmentKeyGroup.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return m;
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
