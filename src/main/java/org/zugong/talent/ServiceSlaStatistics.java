package org.zugong.talent;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.excel.ExcelDownload;
import org.zugong.platform.web.FieldErrors;

/**
 * The SLA statistics of the one-stop service (issue 9 item 5): by responsible department and by officer, over the
 * requests submitted in a period, within the jurisdiction — requests, accepted on time %, finished on time %,
 * overdue now, average rating. Page, Excel export (audited) and API.
 */
@Service
@Transactional(readOnly = true)
class ServiceSlaStatistics {

    /** The grouping: by department or by officer. */
    enum By {
        DEPARTMENT("责任部门", "r.department"), OFFICER("人才服务专员", "coalesce(u.display_name, '待分配')");

        final String label;
        final String sql;

        By(String label, String sql) {
            this.label = label;
            this.sql = sql;
        }

        public String label() {
            return label;
        }
    }

    /** The statistics of one period: both groupings. */
    public record Report(LocalDate from, LocalDate to, List<ServiceSlaRow> byDepartment, List<ServiceSlaRow> byOfficer) {
    }

    private final ServiceRequestRepository repository;
    private final ServiceRequests requests;
    private final AuditLog audit;

    ServiceSlaStatistics(ServiceRequestRepository repository, ServiceRequests requests, AuditLog audit) {
        this.repository = repository;
        this.requests = requests;
        this.audit = audit;
    }

    /** The period's defaults: from the start of the year to today. */
    Report report(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now();
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f)) {
            throw FieldErrors.of("to", "结束日期不能早于开始日期");
        }
        return new Report(f, t, repository.sla(requests.scope(), By.DEPARTMENT.sql, f, t, today),
                repository.sla(requests.scope(), By.OFFICER.sql, f, t, today));
    }

    @Transactional
    void export(LocalDate from, LocalDate to, HttpServletResponse response) throws IOException {
        Report report = report(from, to);
        try (ExcelDownload excel = ExcelDownload.start(response, "人才服务时效统计",
                "统计口径", "名称", "申请数", "已受理", "按时受理率(%)", "已办结", "按时办结率(%)", "当前超期", "平均评价")) {
            for (ServiceSlaRow r : report.byDepartment()) {
                excel.row("按责任部门", r.label(), r.requests(), r.accepted(), r.acceptedOnTimePercent(), r.finished(), r.finishedOnTimePercent(),
                        r.overdueNow(), r.averageRating());
            }
            for (ServiceSlaRow r : report.byOfficer()) {
                excel.row("按人才服务专员", r.label(), r.requests(), r.accepted(), r.acceptedOnTimePercent(), r.finished(), r.finishedOnTimePercent(),
                        r.overdueNow(), r.averageRating());
            }
            audit.record("TALENT_SERVICE_EXPORT", "talent_service_request", null,
                    "导出人才服务时效统计 " + report.from() + " 至 " + report.to() + "，" + excel.rows() + " 行");
            excel.finish();
        }
    }
}
