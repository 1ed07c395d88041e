package org.zugong.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.organization.Organizations;
import org.zugong.platform.web.FieldErrors;

/**
 * 发展日程 (F43): what falls due in the development records of the caller's jurisdiction (the records' 党支部 by
 * path), optionally under one 党支部 or 党委 — talks owed after an application, half-yearly activist assessments,
 * activists who may become development targets, approvals pending after the admission meeting, probations and
 * extended probations ending, and conversion approvals pending. The dates follow the numbers of each record's
 * rule set; the records still in development are read with one query per table, none per record. Overdue items are
 * always listed.
 */
@Service
@Transactional(readOnly = true)
public class RecruitmentCalendar {

    public static final int DEFAULT_DAYS = 60;
    public static final int MAX_DAYS = 366;

    private final CandidateRepository repository;
    private final DevelopmentChecker checker;
    private final Organizations organizations;

    RecruitmentCalendar(CandidateRepository repository, DevelopmentChecker checker, Organizations organizations) {
        this.repository = repository;
        this.checker = checker;
        this.organizations = organizations;
    }

    /** What is due. */
    public enum Kind {
        TALK("入党申请人谈话"),
        ASSESSMENT("入党积极分子半年考察"),
        DEVELOPMENT_TARGET("可确定为发展对象"),
        APPROVAL("接收预备党员待上级党委审批"),
        PROBATION_END("预备期满，应讨论转正"),
        EXTENSION_END("延长预备期满，应讨论转正"),
        CONVERSION_APPROVAL("转正待上级党委审批");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One item of the calendar; {@code overdue} when its deadline lies before today (an earliest date is never overdue). */
    public record Item(long id, String name, long branchOrgId, String branchName, CandidateStage stage, Kind kind, String what,
                       LocalDate dueDate, boolean overdue) {

        public String href() {
            return "/recruitment/" + id;
        }

        public String stageLabel() {
            return stage.label();
        }

        public String kindLabel() {
            return kind.label();
        }
    }

    /** The calendar: the window {@code from} (today) to {@code to}, and the items due by {@code to}, overdue ones included. */
    public record Calendar(String scope, LocalDate from, LocalDate to, int days, long overdue, List<Item> items) {

        public Calendar {
            items = List.copyOf(items);
        }
    }

    /** The items due within {@code days} (default {@value #DEFAULT_DAYS}) from today, under {@code orgId} when given. */
    public Calendar calendar(Long orgId, Integer days) {
        return calendar(orgId, days, LocalDate.now());
    }

    Calendar calendar(Long orgId, Integer days, LocalDate today) {
        int window = days == null ? DEFAULT_DAYS : days;
        if (window < 0 || window > MAX_DAYS) {
            throw FieldErrors.of("days", "天数应在 0 到 " + MAX_DAYS + " 之间");
        }
        String prefix = null;
        String scope = "管辖范围内全部党支部";
        if (orgId != null) {
            var org = organizations.requireVisible(orgId);
            prefix = org.path();
            scope = org.name();
        }
        LocalDate to = today.plusDays(window);
        List<Item> items = new ArrayList<>();
        for (Candidate c : repository.loadInDevelopment(organizations.jurisdiction().orgCondition("o.path", "o.id", "j"), prefix)) {
            for (Item item : items(c, today)) {
                if (!item.dueDate().isAfter(to)) {
                    items.add(item);
                }
            }
        }
        items.sort(Comparator.comparing(Item::dueDate).thenComparing(Item::branchName).thenComparing(Item::name)
                .thenComparing(Item::id).thenComparing(Item::kind));
        return new Calendar(scope, today, to, window, items.stream().filter(Item::overdue).count(), items);
    }

    /** Everything a record has due, whatever the date. */
    List<Item> items(Candidate c, LocalDate today) {
        RecruitmentRuleSet rules = checker.ruleSet(c.ruleSet);
        List<Item> items = new ArrayList<>();
        switch (c.stage) {
            case APPLICANT -> {
                if (c.talkDate == null && c.applicationDate != null) {
                    add(items, c, today, Kind.TALK, c.applicationDate.plusMonths(rules.talkWithinMonths()),
                            "收到入党申请书（" + c.applicationDate + "）后" + DevelopmentChecker.cn(rules.talkWithinMonths()) + "个月内派人谈话");
                }
            }
            case ACTIVIST -> {
                if (c.activistDate != null) {
                    LocalDate last = c.assessments.isEmpty() ? c.activistDate : c.assessments.getLast().date();
                    add(items, c, today, Kind.ASSESSMENT, last.plusMonths(rules.assessmentIntervalMonths()),
                            (c.assessments.isEmpty() ? "确定为入党积极分子（" : "上次考察（") + last + "）后每半年考察一次");
                    LocalDate earliest = c.activistDate.plusYears(rules.activistMinYears());
                    add(items, c, today, Kind.DEVELOPMENT_TARGET, earliest, "经过" + DevelopmentChecker.cn(rules.activistMinYears())
                            + "年以上培养教育（" + c.activistDate + " 起），" + earliest + " 起可确定为发展对象");
                }
            }
            case DEVELOPMENT_TARGET -> {
                if (c.admission != null && c.approvalDate == null) {
                    add(items, c, today, Kind.APPROVAL, c.admission.date().plusMonths(rules.approvalWithinMonths()),
                            "支部大会（" + c.admission.date() + "）通过后" + DevelopmentChecker.cn(rules.approvalWithinMonths()) + "个月内报上级党委审批");
                }
            }
            case PROBATIONARY -> {
                if (c.admission != null) {
                    int extension = c.extensionMonths == null ? 0 : c.extensionMonths;
                    LocalDate end = c.admission.date().plusMonths(12L * rules.probationYears() + extension).minusDays(1);
                    if (c.conversion == null) {
                        add(items, c, today, extension > 0 ? Kind.EXTENSION_END : Kind.PROBATION_END, end, extension > 0
                                ? "预备期延长" + extension + "个月，至 " + end + " 期满，期满后及时讨论转正"
                                : "预备期至 " + end + " 期满，期满后及时讨论转正");
                    } else if (c.conversionApprovalDate == null) {
                        add(items, c, today, Kind.CONVERSION_APPROVAL, end.plusMonths(rules.conversionApprovalWithinMonths()),
                                "预备期满（" + end + "）后" + DevelopmentChecker.cn(rules.conversionApprovalWithinMonths()) + "个月内审批转正");
                    }
                }
            }
            case FULL_MEMBER, CANCELLED -> {
            }
        }
        return items;
    }

    private static void add(List<Item> items, Candidate c, LocalDate today, Kind kind, LocalDate due, String note) {
        // The development-target date is the earliest a step may be taken, not a deadline: never "overdue".
        items.add(new Item(c.id, c.personName, c.branchOrgId, c.branchName, c.stage, kind, kind.label() + "：" + note, due,
                kind != Kind.DEVELOPMENT_TARGET && due.isBefore(today)));
    }
}
