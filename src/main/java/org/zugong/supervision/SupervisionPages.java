package org.zugong.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.zugong.cadre.CadreFiles;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.LikePattern;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;

/** 监督记录 and 个人有关事项报告 pages. */
@Controller
@RequestMapping("/supervision")
class SupervisionPages {

    /** A cadre found by name for the new-record form. */
    record CadreChoice(long personId, String name, String orgName) {
    }

    private final SupervisionRecords records;
    private final PersonalReports reports;
    private final CadreFiles cadres;
    private final Organizations organizations;
    private final JdbcClient jdbc;

    SupervisionPages(SupervisionRecords records, PersonalReports reports, CadreFiles cadres, Organizations organizations, JdbcClient jdbc) {
        this.records = records;
        this.reports = reports;
        this.cadres = cadres;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('supervision:read')")
    String list(@RequestParam(required = false) Long personId, @RequestParam(required = false) String kind,
                @RequestParam(required = false) Long orgId, @RequestParam(required = false) Boolean open,
                @RequestParam(required = false) String q, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        model.addAttribute("entries", records.list(personId, kind, orgId, open));
        model.addAttribute("kinds", SupervisionKind.values());
        model.addAttribute("statuses", SupervisionStatus.values());
        model.addAttribute("personId", personId);
        model.addAttribute("kind", kind);
        model.addAttribute("orgId", orgId);
        model.addAttribute("orgName", orgId == null ? null : organizations.requireVisible(orgId).name());
        model.addAttribute("open", open);
        model.addAttribute("q", q);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("limit", SupervisionRecords.LIST_LIMIT);
        model.addAttribute("person", personId != null && cadres.isVisible(personId) ? cadres.requireVisible(personId).person() : null);
        model.addAttribute("choices", q == null || q.isBlank() ? List.of() : find(q.strip()));
        return "supervision/list";
    }

    /** Up to 20 visible cadres whose name contains {@code q}. */
    private List<CadreChoice> find(String q) {
        SqlCondition scope = organizations.jurisdiction().orgCondition("o.path", "o.id", "j");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("q", LikePattern.containing(q));
        return jdbc.sql("SELECT c.person_id, p.name, o.name FROM cadre_view c JOIN person_view p ON p.id = c.person_id "
                        + "JOIN org_organization o ON o.id = c.org_id WHERE p.name LIKE :q AND " + scope.sql()
                        + " ORDER BY p.name, c.person_id LIMIT 20")
                .params(params).query((rs, n) -> new CadreChoice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    @PostMapping("/records")
    @PreAuthorize("hasAuthority('supervision:write')")
    String create(@ModelAttribute SupervisionRecordForm form, RedirectAttributes redirect) {
        try {
            SupervisionEntry e = records.create(form);
            redirect.addFlashAttribute("message", "已记录" + e.kindName() + "：" + e.personName());
            return "redirect:/supervision/records/" + e.id();
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.summary());
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/supervision").queryParamIfPresent("personId",
                java.util.Optional.ofNullable(form.personId())).build().toUriString();
    }

    @GetMapping("/records/{id}")
    @PreAuthorize("hasAuthority('supervision:read')")
    String record(@PathVariable String id, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        model.addAttribute("e", records.require(id));
        model.addAttribute("today", LocalDate.now());
        return "supervision/record";
    }

    @PostMapping("/records/{id}")
    @PreAuthorize("hasAuthority('supervision:write')")
    String patch(@PathVariable String id, @ModelAttribute SupervisionPatch patch, RedirectAttributes redirect) {
        try {
            records.patch(id, patch);
            redirect.addFlashAttribute("message", "已保存");
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.summary());
        } catch (BusinessRuleException | EditConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/supervision/records/" + id;
    }

    // ---- 个人有关事项报告 -------------------------------------------------------------------------------

    @GetMapping("/reports")
    @PreAuthorize("hasAuthority('supervision:read')")
    String reports(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long orgId, Model model,
                   HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        int y = year == null ? LocalDate.now().getYear() : year;
        List<ReportRow> rows = reports.rows(y, orgId);
        model.addAttribute("year", y);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", Arrays.stream(ReportStatus.values()).collect(java.util.stream.Collectors.toMap(
                ReportStatus::name, s -> rows.stream().filter(r -> r.status() == s).count())));
        model.addAttribute("draws", reports.draws(y));
        model.addAttribute("rules", reports.rules());
        model.addAttribute("results", CheckResult.values());
        model.addAttribute("orgId", orgId);
        model.addAttribute("orgName", orgId == null ? null : organizations.requireVisible(orgId).name());
        model.addAttribute("today", LocalDate.now());
        return "supervision/reports";
    }

    @PostMapping("/reports/draw")
    @PreAuthorize("hasAuthority('supervision:write')")
    String draw(@RequestParam int year, @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer ratePercent,
                @RequestParam(required = false) Long seed, RedirectAttributes redirect) {
        return act(redirect, year, () -> {
            var d = reports.draw(year, orgId, ratePercent, seed);
            redirect.addFlashAttribute("message", "已随机抽取" + d.drawn().size() + "人（候选" + d.candidates().size() + "人，种子" + d.seed() + "）");
        });
    }

    /** 凡提必核: checks for the cadre ids listed (comma, space or line separated). */
    @PostMapping("/reports/checks")
    @PreAuthorize("hasAuthority('supervision:write')")
    String promotionChecks(@RequestParam int year, @RequestParam(required = false) String personIds, RedirectAttributes redirect) {
        return act(redirect, year, () -> {
            List<Long> ids = new ArrayList<>();
            for (String part : (personIds == null ? "" : personIds).split("[\\s,，、]+")) {
                if (!part.isBlank()) {
                    try {
                        ids.add(Long.parseLong(part.strip()));
                    } catch (NumberFormatException e) {
                        throw FieldErrors.of("personIds", "干部编号“" + part + "”不是数字");
                    }
                }
            }
            int n = reports.checkForPromotion(ids, year, null, null, null).size();
            redirect.addFlashAttribute("message", "已为" + n + "名拟提拔干部建立核查（凡提必核）");
        });
    }

    @PostMapping("/checks/{id}/result")
    @PreAuthorize("hasAuthority('supervision:write')")
    String checkResult(@PathVariable long id, @RequestParam int year, @RequestParam(required = false) String result,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn,
                       @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                       RedirectAttributes redirect) {
        return act(redirect, year, () -> {
            reports.enterResult(id, result, checkedOn, note, version);
            redirect.addFlashAttribute("message", "已记录核查结果");
        });
    }

    @GetMapping("/reports/{personId}/{year}")
    @PreAuthorize("hasAuthority('supervision:write')")
    String report(@PathVariable long personId, @PathVariable int year, Model model, HttpServletResponse response) {
        org.zugong.platform.web.PageCaching.noStore(response);
        var d = cadres.requireVisible(personId);
        List<ReportItem> items = new ArrayList<>();
        LocalDate submittedOn = null;
        boolean exists = false;
        try {
            var stored = reports.report(personId, year);
            submittedOn = stored.submittedOn();
            items.addAll(stored.items());
            exists = true;
        } catch (org.zugong.platform.web.RecordNotFoundException notYet) {
            // not reported yet: an empty form
        }
        for (String kind : reports.rules().items()) {
            if (items.stream().noneMatch(i -> kind.equals(i.kind()))) {
                items.add(new ReportItem(kind, null));
            }
        }
        model.addAttribute("person", d.person());
        model.addAttribute("year", year);
        model.addAttribute("form", new ReportForm(submittedOn == null ? LocalDate.now() : submittedOn, items));
        model.addAttribute("exists", exists);
        model.addAttribute("rules", reports.rules());
        model.addAttribute("today", LocalDate.now());
        return "supervision/report";
    }

    @PostMapping("/reports/{personId}/{year}")
    @PreAuthorize("hasAuthority('supervision:write')")
    String submit(@PathVariable long personId, @PathVariable int year, @ModelAttribute ReportForm form, RedirectAttributes redirect) {
        try {
            reports.submit(personId, year, form);
            redirect.addFlashAttribute("message", "已保存" + year + "年度个人有关事项报告");
            return "redirect:/supervision/reports?year=" + year;
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.summary());
        }
        return "redirect:/supervision/reports/" + personId + "/" + year;
    }

    private String act(RedirectAttributes redirect, int year, Runnable action) {
        return org.zugong.platform.web.PageActions.run(redirect, "/supervision/reports?year=" + year, null, action);
    }

}
