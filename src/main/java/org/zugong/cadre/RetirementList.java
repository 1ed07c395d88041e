package org.zugong.cadre;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.organization.Organizations;
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * 退休提醒 (F15): the visible cadres who reach the statutory retirement month in a window.
 * <p>
 * Design: the retirement month is a function of the birth month per {@link RetirementGroup} and does
 * not decrease with it, so {@link RetirementBirthRanges} turns the window into at most one birth-date
 * range per group, and the database filters with those ranges (the {@code birth_date} index) and
 * the jurisdiction; nothing computes a date for cadres outside the window. The birth-month table
 * the ranges come from is passed along so the SQL can order by retirement month without a second
 * copy of the formula. Each returned row is computed again in Java with {@link RetirementSchedule};
 * a row whose month falls outside the window (which would mean the SQL and the rules disagree) is
 * logged and left out.
 */
@Service
@Transactional(readOnly = true)
class RetirementList {

    private static final Logger log = LoggerFactory.getLogger(RetirementList.class);

    private final CadreReportRepository repository;
    private final CadreScope scope;
    private final Organizations organizations;
    private final CodeTables codes;
    private final RetirementSchedule schedule;

    RetirementList(CadreReportRepository repository, CadreScope scope, Organizations organizations, CodeTables codes,
                   CadreFiles files) {
        this.repository = repository;
        this.scope = scope;
        this.organizations = organizations;
        this.codes = codes;
        this.schedule = files.retirementSchedule();
    }

    PageResult<RetirementRow> search(RetirementCriteria criteria, PageRequest page) {
        return search(criteria, page, YearMonth.now());
    }

    PageResult<RetirementRow> search(RetirementCriteria criteria, PageRequest page, YearMonth current) {
        RetirementWindow.Months months = criteria.months(current);
        var filter = filter(criteria, months);
        if (filter.ranges().isEmpty()) {
            return PageResult.of(List.of(), page, 0);
        }
        List<RetirementRow> rows = repository.retirementPage(filter, page.offset(), page.size()).stream()
                .map(h -> row(h, months)).filter(Objects::nonNull).toList();
        long total = page.number() == 0 && rows.size() < page.size() ? rows.size() : repository.retirementCount(filter);
        return PageResult.of(rows, page, total);
    }

    /** Every row of the list in order, at most {@code limit}; the organization is checked before the first row. */
    void forEach(RetirementCriteria criteria, int limit, Consumer<RetirementRow> consumer) {
        RetirementWindow.Months months = criteria.months(YearMonth.now());
        var filter = filter(criteria, months);
        if (!filter.ranges().isEmpty()) {
            repository.retirementStream(filter, limit, h -> {
                RetirementRow row = row(h, months);
                if (row != null) {
                    consumer.accept(row);
                }
            });
        }
    }

    /** Checks the criteria and the chosen organization (404 and audited outside the jurisdiction). */
    void check(RetirementCriteria criteria) {
        criteria.months(YearMonth.now());
        if (criteria.orgId() != null) {
            organizations.requireVisible(criteria.orgId());
        }
    }

    RetirementSchedule schedule() {
        return schedule;
    }

    private CadreReportRepository.RetirementFilter filter(RetirementCriteria criteria, RetirementWindow.Months months) {
        String subtree = criteria.orgId() == null ? null : organizations.requireVisible(criteria.orgId()).path();
        return new CadreReportRepository.RetirementFilter(RetirementBirthRanges.of(schedule, months), scope.organizations(), subtree);
    }

    private RetirementRow row(CadreReportRepository.RetirementHit h, RetirementWindow.Months months) {
        RetirementDate date = schedule.compute(YearMonth.from(h.birthDate()), h.group());
        if (!months.contains(date.retirementMonth()) || !date.retirementMonth().equals(h.retirementMonth())) {
            log.warn("Retirement month of cadre {} computed as {} outside the window {} (SQL said {}): left out",
                    h.personId(), date.retirementMonth(), months, h.retirementMonth());
            return null;
        }
        return new RetirementRow(h.personId(), h.name(), h.sex(), codes.sex().shortName(h.sex()), h.birthDate(), h.orgId(),
                h.orgName(), h.currentPost(), h.group(), date);
    }
}
