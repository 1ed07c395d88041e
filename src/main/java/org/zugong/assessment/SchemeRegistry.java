package org.zugong.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * Creating, changing, copying and ending 考核方案, with every rule checked and every change audited.
 *
 * <p>A user sees the schemes of the organizations in their jurisdiction and those of the ancestors of
 * their jurisdiction's roots (a county works with the city's schemes), and changes only the former.
 */
@Service
@Transactional
class SchemeRegistry {

    static final int MAX_INDICATORS = 30;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal SCORE_LIMIT = new BigDecimal("10000");
    private static final String TARGET = "assessment_scheme";

    private final SchemeRepository repository;
    private final Organizations organizations;
    private final AuditLog audit;

    SchemeRegistry(SchemeRepository repository, Organizations organizations, AuditLog audit) {
        this.repository = repository;
        this.organizations = organizations;
        this.audit = audit;
    }

    long create(SchemeForm form) {
        SchemeRepository.NewScheme s = validate(form);
        checkOverlap(s, null);
        long id = repository.insert(s, null, user());
        audit.record("ASSESSMENT_SCHEME_CREATE", TARGET, id, describe(s));
        return id;
    }

    void update(long id, SchemeForm form) {
        SchemeRepository.Stored current = requireEditable(id);
        if (form.version() == null) {
            throw FieldErrors.of("version", "缺少版本号，请刷新后重试");
        }
        SchemeRepository.NewScheme s = validate(form);
        checkOverlap(s, id);
        boolean sameIndicators = sameIndicators(current.scheme().indicators(), s.indicators());
        if (!sameIndicators && repository.inUse(id)) {
            throw new BusinessRuleException("已有考核使用方案“" + current.scheme().name() + "”，不能再修改其指标；如需调整，请复制为新方案");
        }
        boolean saved = sameIndicators ? repository.updateHeader(id, form.version(), s, user())
                : repository.update(id, form.version(), s, user());
        if (!saved) {
            throw new EditConflictException("考核方案“" + current.scheme().name() + "”");
        }
        audit.record("ASSESSMENT_SCHEME_UPDATE", TARGET, id, describe(s) + (sameIndicators ? "" : "（修改指标）"));
    }

    /** A new scheme with the source's category, post type and indicators; returns its id. */
    long copy(long sourceId, SchemeCopyForm form) {
        SchemeRepository.Stored source = requireVisible(sourceId);
        Scheme src = source.scheme();
        boolean sourceEditable = covers(source);
        Long orgId = form.orgId() != null ? form.orgId() : sourceEditable ? src.orgId() : null;
        boolean endSource = Boolean.TRUE.equals(form.endSource());
        FieldErrors.Collector errors = new FieldErrors.Collector();
        String name = clean(form.name());
        if (name == null) {
            errors.add("name", "请填写新方案名称");
        } else if (name.length() > 100) {
            errors.add("name", "方案名称不能超过100个字");
        }
        if (form.validFrom() == null) {
            errors.add("validFrom", "请填写新方案的生效日期");
        }
        checkOrg(errors, orgId);
        if (endSource) {
            if (!sourceEditable) {
                errors.add("endSource", "原方案由上级组织制定，不能由本级结束");
            } else if (form.validFrom() != null && !form.validFrom().isAfter(src.validFrom())) {
                errors.add("endSource", "新方案的生效日期须晚于原方案的生效日期（" + src.validFrom() + "），才能结束原方案");
            }
        }
        errors.throwIfAny();
        if (endSource && (src.validTo() == null || src.validTo().isAfter(form.validFrom().minusDays(1)))) {
            LocalDate last = form.validFrom().minusDays(1);
            if (!repository.end(sourceId, null, last, user())) {
                throw new EditConflictException("考核方案“" + src.name() + "”");
            }
            audit.record("ASSESSMENT_SCHEME_END", TARGET, sourceId, src.name() + " 结束于 " + last + "（复制为新方案时）");
        }
        List<SchemeRepository.NewIndicator> indicators = src.indicators().stream()
                .map(i -> new SchemeRepository.NewIndicator(i.name(), i.description(), i.weight(), i.method(), i.minScore(),
                        i.maxScore(), i.levels().isEmpty() ? null : SchemeLevels.format(i.levels())))
                .toList();
        SchemeRepository.NewScheme s = new SchemeRepository.NewScheme(orgId, name, src.unitCategory(), src.postType(),
                form.validFrom(), null, indicators);
        checkOverlap(s, null);
        long id = repository.insert(s, sourceId, user());
        audit.record("ASSESSMENT_SCHEME_COPY", TARGET, id, describe(s) + "，复制自方案 " + sourceId + " " + src.name());
        return id;
    }

    /** 停用: sets the last valid day (today when none is given). */
    void end(long id, SchemeEndForm form) {
        SchemeRepository.Stored current = requireEditable(id);
        LocalDate last = form.validTo() != null ? form.validTo() : LocalDate.now();
        if (last.isBefore(current.scheme().validFrom())) {
            throw FieldErrors.of("validTo", "结束日期不能早于生效日期（" + current.scheme().validFrom() + "）");
        }
        if (!repository.end(id, form.version(), last, user())) {
            throw new EditConflictException("考核方案“" + current.scheme().name() + "”");
        }
        audit.record("ASSESSMENT_SCHEME_END", TARGET, id, current.scheme().name() + " 结束于 " + last);
    }

    @Transactional(readOnly = true)
    SchemeDetail detail(long id) {
        SchemeRepository.Stored s = requireVisible(id);
        return new SchemeDetail(s.scheme(), s.version(), s.copiedFrom(), s.copiedFromName(), covers(s), s.updatedBy(), s.updatedAt());
    }

    /** The scheme for its edit form: visible and in the jurisdiction, or refused. */
    @Transactional(readOnly = true)
    SchemeDetail editable(long id) {
        SchemeRepository.Stored s = requireEditable(id);
        return new SchemeDetail(s.scheme(), s.version(), s.copiedFrom(), s.copiedFromName(), true, s.updatedBy(), s.updatedAt());
    }

    @Transactional(readOnly = true)
    PageResult<SchemeRow> search(SchemeCriteria criteria, PageRequest page) {
        Jurisdiction j = organizations.jurisdiction();
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        SqlCondition visible = visibleCondition(j);
        terms.add(visible.sql());
        params.putAll(visible.params());
        if (criteria.orgId() != null) {
            OrganizationSummary org = organizations.requireVisible(criteria.orgId());
            terms.add("(o.path LIKE :subtree OR s.org_id IN (:above))");
            params.put("subtree", org.path() + "%");
            params.put("above", idsOf(org.path()));
        }
        SchemeUnitCategory category = parse(SchemeUnitCategory.class, criteria.unitCategory());
        if (category != null) {
            terms.add("s.unit_category = :cat");
            params.put("cat", category.name());
        }
        SchemePostType postType = parse(SchemePostType.class, criteria.postType());
        if (postType != null) {
            terms.add("s.post_type = :post");
            params.put("post", postType.name());
        }
        if (criteria.validOn() != null) {
            terms.add("s.valid_from <= :day AND (s.valid_to IS NULL OR s.valid_to >= :day)");
            params.put("day", criteria.validOn());
        }
        SqlCondition where = new SqlCondition(String.join(" AND ", terms), params);
        List<SchemeRow> rows = repository.page(where, page.offset(), page.size()).stream()
                .map(r -> new SchemeRow(r.id(), r.name(), r.orgId(), r.orgName(), r.unitCategory(), r.postType(), r.validFrom(),
                        r.validTo(), r.indicatorCount(), j.covers(r.orgPath(), r.orgId())))
                .toList();
        long total = page.number() == 0 && rows.size() < page.size() ? rows.size() : repository.count(where);
        return PageResult.of(rows, page, total);
    }

    // --- jurisdiction ---

    private SchemeRepository.Stored requireVisible(long id) {
        var found = repository.find(id);
        if (found.isEmpty() || !visible(found.get())) {
            audit.recordAlone("ACCESS_DENIED", TARGET, id, "考核方案不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("考核方案", id);
        }
        return found.get();
    }

    /** Visible and owned inside the jurisdiction; a scheme of a higher level is read-only (403, audited). */
    private SchemeRepository.Stored requireEditable(long id) {
        SchemeRepository.Stored s = requireVisible(id);
        if (!covers(s)) {
            audit.recordAlone("ACCESS_DENIED", TARGET, id, "试图修改上级组织的考核方案 " + s.scheme().name(), AuditOutcome.DENIED);
            throw new AccessDeniedException("考核方案“" + s.scheme().name() + "”由上级组织“" + s.scheme().orgName()
                    + "”制定，本级只能查看和复制");
        }
        return s;
    }

    private boolean covers(SchemeRepository.Stored s) {
        return organizations.jurisdiction().covers(s.orgPath(), s.scheme().orgId());
    }

    private boolean visible(SchemeRepository.Stored s) {
        Jurisdiction j = organizations.jurisdiction();
        return j.covers(s.orgPath(), s.scheme().orgId()) || ancestorsOfRoots(j).contains(s.scheme().orgId());
    }

    private SqlCondition visibleCondition(Jurisdiction j) {
        SqlCondition inside = j.orgCondition("o.path", "o.id", "j");
        if (j.all()) {
            return inside;
        }
        Set<Long> above = ancestorsOfRoots(j);
        if (above.isEmpty()) {
            return inside;
        }
        Map<String, Object> params = new HashMap<>(inside.params());
        params.put("j_above", List.copyOf(above));
        return new SqlCondition("(" + inside.sql() + " OR s.org_id IN (:j_above))", params);
    }

    /** The organizations above (and at) the roots of the jurisdiction: their schemes apply inside it. */
    private Set<Long> ancestorsOfRoots(Jurisdiction j) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String path : j.paths()) {
            ids.addAll(idsOf(path));
        }
        for (long orgId : j.orgIds()) {
            organizations.path(orgId).ifPresent(p -> ids.addAll(idsOf(p)));
        }
        return ids;
    }

    private static List<Long> idsOf(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }

    // --- validation ---

    private void checkOrg(FieldErrors.Collector errors, Long orgId) {
        if (orgId == null) {
            errors.add("orgId", "请选择方案所属组织");
        } else if (!organizations.isVisible(orgId)) {
            audit.recordAlone("ACCESS_DENIED", "organization", orgId, "考核方案选择了管辖范围外的组织", AuditOutcome.DENIED);
            errors.add("orgId", "所选组织不存在或不在您的管辖范围内");
        }
    }

    private void checkOverlap(SchemeRepository.NewScheme s, Long exceptId) {
        repository.lockSlot(s.orgId(), s.unitCategory(), s.postType());
        List<String> others = repository.overlapping(s.orgId(), s.unitCategory(), s.postType(), s.validFrom(), s.validTo(), exceptId);
        if (!others.isEmpty()) {
            throw new BusinessRuleException("有效期与本组织同一单位类别（" + s.unitCategory() + "）、岗位类别（" + s.postType()
                    + "）的方案" + String.join("、", others.stream().map(o -> "“" + o.replaceFirst("（", "”（")).toList())
                    + "重叠；同一时间只能有一个有效方案，请先结束原方案或调整有效期");
        }
    }

    private SchemeRepository.NewScheme validate(SchemeForm f) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        checkOrg(errors, f.orgId());
        String name = clean(f.name());
        if (name == null) {
            errors.add("name", "请填写方案名称");
        } else if (name.length() > 100) {
            errors.add("name", "方案名称不能超过100个字");
        }
        SchemeUnitCategory category = parse(SchemeUnitCategory.class, f.unitCategory());
        if (category == null) {
            errors.add("unitCategory", "请选择单位类别");
        }
        SchemePostType postType = parse(SchemePostType.class, f.postType());
        if (postType == null) {
            errors.add("postType", "请选择岗位类别");
        }
        if (f.validFrom() == null) {
            errors.add("validFrom", "请填写生效日期");
        } else if (f.validTo() != null && f.validTo().isBefore(f.validFrom())) {
            errors.add("validTo", "失效日期不能早于生效日期");
        }
        List<SchemeRepository.NewIndicator> indicators = new ArrayList<>();
        List<SchemeForm.Row> rows = f.rows();
        int filled = (int) rows.stream().filter(r -> r != null && !r.unfilled()).count();
        boolean weightsValid = true;
        BigDecimal total = BigDecimal.ZERO;
        Set<String> names = new HashSet<>();
        if (filled == 0) {
            errors.add("indicators", "请至少填写一项考核指标");
        } else if (filled > MAX_INDICATORS) {
            errors.add("indicators", "考核指标不能超过" + MAX_INDICATORS + "项（现有" + filled + "项）");
        }
        for (int i = 0; i < rows.size(); i++) {
            SchemeForm.Row r = rows.get(i);
            if (r == null || r.unfilled()) {
                continue;
            }
            String field = "indicators[" + i + "]";
            String row = "第" + (i + 1) + "行";
            String iname = clean(r.name());
            if (iname == null) {
                errors.add(field + ".name", row + "请填写指标名称");
            } else if (iname.length() > 100) {
                errors.add(field + ".name", row + "指标名称不能超过100个字");
            } else if (!names.add(iname)) {
                errors.add(field + ".name", row + "指标名称“" + iname + "”重复");
            }
            String label = row + (iname == null ? "" : "“" + iname + "”");
            String description = clean(r.description());
            if (description != null && description.length() > 500) {
                errors.add(field + ".description", label + "的说明不能超过500个字");
            }
            BigDecimal weight = number(r.weight());
            if (clean(r.weight()) == null) {
                errors.add(field + ".weight", label + "请填写权重");
                weightsValid = false;
            } else if (weight == null || weight.scale() > 2) {
                errors.add(field + ".weight", label + "的权重应为数字，最多两位小数");
                weightsValid = false;
            } else if (weight.signum() <= 0 || weight.compareTo(HUNDRED) > 0) {
                errors.add(field + ".weight", label + "的权重应大于0且不超过100");
                weightsValid = false;
            } else {
                total = total.add(weight);
            }
            IndicatorMethod method = clean(r.method()) == null ? IndicatorMethod.SCORE : parse(IndicatorMethod.class, r.method());
            BigDecimal min = null;
            BigDecimal max = null;
            String levels = null;
            if (method == null) {
                errors.add(field + ".method", label + "的计分方式应为分值或等级");
            } else if (method == IndicatorMethod.SCORE) {
                min = score(errors, field + ".minScore", r.minScore(), label + "的最低分");
                max = score(errors, field + ".maxScore", r.maxScore(), label + "的最高分");
                if (min != null && max != null && min.compareTo(max) >= 0) {
                    errors.add(field + ".maxScore", label + "的最高分应大于最低分");
                }
            } else {
                try {
                    levels = SchemeLevels.format(SchemeLevels.parse(r.levels()));
                    if (levels.length() > 500) {
                        errors.add(field + ".levels", label + "的等级设置不能超过500个字");
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(field + ".levels", label + "：" + e.getMessage());
                }
            }
            indicators.add(new SchemeRepository.NewIndicator(iname, description, weight, method, min, max, levels));
        }
        if (filled > 0 && weightsValid && total.compareTo(HUNDRED) != 0) {
            errors.add("indicators", "各项指标的权重之和应为100%，现为" + total.stripTrailingZeros().toPlainString() + "%");
        }
        errors.throwIfAny();
        return new SchemeRepository.NewScheme(f.orgId(), name, category, postType, f.validFrom(), f.validTo(), indicators);
    }

    private static BigDecimal score(FieldErrors.Collector errors, String field, String text, String label) {
        if (clean(text) == null) {
            errors.add(field, "请填写" + label);
            return null;
        }
        BigDecimal n = number(text);
        if (n == null || n.scale() > 2 || n.abs().compareTo(SCORE_LIMIT) >= 0) {
            errors.add(field, label + "应为小于10000的数字，最多两位小数");
            return null;
        }
        return n;
    }

    private static boolean sameIndicators(List<Indicator> stored, List<SchemeRepository.NewIndicator> submitted) {
        if (stored.size() != submitted.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Indicator a = stored.get(i);
            SchemeRepository.NewIndicator b = submitted.get(i);
            if (!a.name().equals(b.name()) || !Objects.equals(a.description(), b.description())
                    || a.weight().compareTo(b.weight()) != 0 || a.method() != b.method()
                    || !sameNumber(a.minScore(), b.minScore()) || !sameNumber(a.maxScore(), b.maxScore())
                    || !Objects.equals(a.levels().isEmpty() ? null : SchemeLevels.format(a.levels()), b.levels())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal number(String text) {
        String t = clean(text);
        if (t == null) {
            return null;
        }
        try {
            return new BigDecimal(t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String describe(SchemeRepository.NewScheme s) {
        return s.name() + "（" + s.unitCategory() + "/" + s.postType() + "，" + s.validFrom() + " 至 "
                + (s.validTo() == null ? "长期" : s.validTo()) + "，" + s.indicators().size() + "项指标）";
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
