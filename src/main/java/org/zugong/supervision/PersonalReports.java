package org.zugong.supervision;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.cadre.CadreDossier;
import org.zugong.cadre.CadreFiles;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * 个人有关事项报告 (rules.md §6): who must report, the annual reports with their items (encrypted), the
 * random spot-check draw of a year and subtree, checks of those about to be promoted, and results.
 */
@Service
@Transactional
class PersonalReports {

    private final PersonalReportRules rules = PersonalReportRules.load();
    private final ReportRepository repository;
    private final CadreFiles cadres;
    private final Organizations organizations;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();
    private final org.springframework.context.ApplicationEventPublisher events;

    PersonalReports(ReportRepository repository, CadreFiles cadres, Organizations organizations, AuditLog audit,
                    org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.cadres = cadres;
        this.organizations = organizations;
        this.audit = audit;
    }

    PersonalReportRules rules() {
        return rules;
    }

    /** Everybody who must report in the jurisdiction (and the subtree of {@code orgId}), ascending person id. */
    @Transactional(readOnly = true)
    List<ReportRow> rows(int year, Long orgId) {
        checkYear(year);
        return repository.rows(rules, year, scope(), subtree(orgId), null, LocalDate.now());
    }

    /** Enters (or replaces) the annual report of a visible cadre. */
    void submit(long personId, int year, ReportForm f) {
        checkYear(year);
        CadreDossier d = cadres.requireVisible(personId);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (f.submittedOn() == null) {
            errors.add("submittedOn", "请填写报告时间");
        } else if (f.submittedOn().isAfter(LocalDate.now())) {
            errors.add("submittedOn", "报告时间不能晚于今天");
        } else if (f.submittedOn().getYear() < year) {
            errors.add("submittedOn", year + "年度报告的报告时间不能早于" + year + "年");
        }
        List<ReportItem> items = new ArrayList<>();
        List<ReportItem> given = f.items() == null ? List.of() : f.items();
        for (int i = 0; i < given.size(); i++) {
            ReportItem item = given.get(i);
            String kind = SupervisionRecords.clean(item.kind());
            String content = SupervisionRecords.clean(item.content());
            if (content == null) {
                continue; // an item left empty is not reported (the form offers every kind)
            }
            String field = "items[" + i + "]";
            if (kind == null || !rules.items().contains(kind)) {
                errors.add(field + ".kind", "第" + (i + 1) + "项的事项类别" + (kind == null ? "未填写" : "“" + kind + "”不是可选的值"));
            }
            if (content.length() > 2000) {
                errors.add(field + ".content", "第" + (i + 1) + "项内容不能超过2000个字");
            }
            items.add(new ReportItem(kind, content));
        }
        errors.throwIfAny();
        repository.putReport(personId, d.file().profile().orgId(), year, f.submittedOn(), items, SupervisionRecords.user());
        audit.record("SUPERVISION_REPORT", "cadre", personId, year + "年度个人有关事项报告：" + d.person().name() + "（" + items.size()
                + "项，" + f.submittedOn() + "）");
    }

    /** The report with its items decrypted; each view is on record. */
    ReportRepository.StoredReport report(long personId, int year) {
        CadreDossier d = cadres.requireVisible(personId);
        ReportRepository.StoredReport r = repository.report(personId, year)
                .orElseThrow(() -> new RecordNotFoundException("个人有关事项报告", personId + "/" + year));
        audit.record("SUPERVISION_REPORT_VIEW", "cadre", personId, "查看" + year + "年度个人有关事项报告：" + d.person().name());
        return r;
    }

    /**
     * The random spot check of a year in the subtree of {@code orgId}: the candidates are everybody who
     * must report there, ascending; {@code seed} defaults to a random one and is recorded. One draw per
     * year and subtree root.
     */
    ReportRepository.Draw draw(int year, Long orgId, Integer ratePercent, Long seed) {
        checkYear(year);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (orgId == null) {
            errors.add("orgId", "请选择抽查范围");
        }
        int rate = ratePercent == null ? rules.spotCheckRatePercent() : ratePercent;
        if (rate < 1 || rate > 100) {
            errors.add("ratePercent", "抽查比例应在1%至100%之间");
        }
        errors.throwIfAny();
        OrganizationSummary root = organizations.requireVisible(orgId);
        if (repository.drawExists(orgId, year)) {
            throw new BusinessRuleException(root.name() + year + "年度已进行随机抽查，不能重复抽取");
        }
        List<Long> candidates = repository.rows(rules, year, scope(), subtree(orgId), null, LocalDate.now()).stream()
                .map(ReportRow::personId).toList();
        if (candidates.isEmpty()) {
            throw new BusinessRuleException(root.name() + "范围内没有须报告个人有关事项的干部");
        }
        long s = seed == null ? random.nextLong() : seed;
        List<Long> drawn = SpotCheckDraw.draw(candidates, s, PersonalReportRules.drawSize(candidates.size(), rate));
        long drawId = repository.insertDraw(orgId, year, s, rate, candidates, drawn, SupervisionRecords.user());
        var rows = repository.rows(rules, year, scope(), subtree(orgId), null, LocalDate.now());
        for (ReportRow r : rows) {
            if (drawn.contains(r.personId())) {
                repository.insertCheck(r.personId(), r.orgId(), year, CheckReason.随机抽查, drawId, null, null, null, SupervisionRecords.user());
            }
        }
        audit.record("SUPERVISION_DRAW", "organization", orgId, year + "年度个人有关事项报告随机抽查：" + root.name() + "，候选"
                + candidates.size() + "人，抽取" + drawn.size() + "人（比例" + rate + "%，种子" + s + "）");
        return repository.draws(year, scope()).stream().filter(d -> d.id() == drawId).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    List<ReportRepository.Draw> draws(int year) {
        return repository.draws(year, scope());
    }

    /**
     * 凡提必核: a check for each of these cadres (those about to be promoted or placed in reserve);
     * with a result and date when already known. Returns the check ids.
     */
    List<Long> checkForPromotion(List<Long> personIds, Integer year, String result, LocalDate checkedOn, String note) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (personIds == null || personIds.isEmpty()) {
            errors.add("personIds", "请选择要核查的干部");
        } else if (personIds.size() > 500) {
            errors.add("personIds", "一次最多核查500人");
        }
        CheckResult r = result(errors, result, checkedOn);
        String n = SupervisionRecords.clean(note);
        if (n != null && n.length() > 500) {
            errors.add("note", "说明不能超过500个字");
        }
        errors.throwIfAny();
        int y = year == null ? LocalDate.now().getYear() : year;
        checkYear(y);
        List<Long> ids = new ArrayList<>();
        for (long personId : new LinkedHashSet<>(personIds)) {
            CadreDossier d = cadres.requireVisible(personId);
            long checkId = repository.insertCheck(personId, d.file().profile().orgId(), y, CheckReason.凡提必核, null, r,
                    r == null ? null : checkedOn, n, SupervisionRecords.user());
            ids.add(checkId);
            if (r != null) {
                events.publishEvent(new ReportCheckResultEntered(personId, checkId, r, checkedOn));
            }
            audit.record("SUPERVISION_CHECK", "cadre", personId, "凡提必核：个人有关事项报告核查" + (r == null ? "（待核查）" : "，结果" + r + "（" + checkedOn + "）"));
        }
        return ids;
    }

    /** Enters the result of a check. */
    void enterResult(long checkId, String result, LocalDate checkedOn, String note, Integer version) {
        ReportRepository.Check c = requireCheck(checkId);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        CheckResult r = result(errors, result, checkedOn);
        if (r == null && !errors.hasField("result")) {
            errors.add("result", "请选择核查结果");
        }
        String n = SupervisionRecords.clean(note);
        if (n != null && n.length() > 500) {
            errors.add("note", "说明不能超过500个字");
        }
        errors.throwIfAny();
        if (!repository.enterResult(checkId, version == null ? c.version() : version, r, checkedOn, n, SupervisionRecords.user())) {
            throw new EditConflictException("核查记录");
        }
        audit.record("SUPERVISION_CHECK_RESULT", "cadre", c.personId(), c.year() + "年度个人有关事项报告核查（" + c.reason() + "）结果："
                + r + "（" + checkedOn + "）");
        events.publishEvent(new ReportCheckResultEntered(c.personId(), checkId, r, checkedOn));
    }

    private ReportRepository.Check requireCheck(long id) {
        var c = repository.check(id);
        Jurisdiction j = organizations.jurisdiction();
        if (c.isEmpty() || !j.covers(c.get().orgPath(), c.get().orgId())) {
            audit.recordAlone("ACCESS_DENIED", "supervision_check", id, "核查记录不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("核查记录", id);
        }
        return c.get();
    }

    private static CheckResult result(FieldErrors.Collector errors, String result, LocalDate checkedOn) {
        String v = SupervisionRecords.clean(result);
        if (v == null) {
            if (checkedOn != null) {
                errors.add("result", "填写核查时间时请选择核查结果");
            }
            return null;
        }
        CheckResult r;
        try {
            r = CheckResult.valueOf(v);
        } catch (IllegalArgumentException e) {
            errors.add("result", "核查结果“" + v + "”不是可选的值（如实/漏报/瞒报/其他）");
            return null;
        }
        if (checkedOn == null) {
            errors.add("checkedOn", "请填写核查时间");
        } else if (checkedOn.isAfter(LocalDate.now())) {
            errors.add("checkedOn", "核查时间不能晚于今天");
        }
        return r;
    }

    private void checkYear(int year) {
        int now = LocalDate.now().getYear();
        if (year < 2000 || year > now + 1) {
            throw FieldErrors.of("year", "年度应在2000至" + (now + 1) + "之间");
        }
    }

    private org.zugong.platform.db.SqlCondition scope() {
        return organizations.jurisdiction().orgCondition("o.path", "o.id", "j");
    }

    private String subtree(Long orgId) {
        if (orgId == null) {
            return null;
        }
        organizations.requireVisible(orgId);
        return organizations.path(orgId).orElseThrow();
    }
}
