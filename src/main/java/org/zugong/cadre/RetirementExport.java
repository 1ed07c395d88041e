package org.zugong.cadre;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.platform.excel.ExcelDownload;

/** 退休提醒名单 as an Excel workbook, streamed; each export is audited with its row count and filters. */
@Service
class RetirementExport {

    /** More rows than this in one file is a data dump: narrow the window or the organization. */
    static final int MAX_ROWS = 100_000;

    private final RetirementList list;
    private final AuditLog audit;

    RetirementExport(RetirementList list, AuditLog audit) {
        this.list = list;
        this.audit = audit;
    }

    /** Not read-only: the audit row is written in the same transaction after the rows. */
    @Transactional
    int write(RetirementCriteria criteria, HttpServletResponse response) throws IOException {
        list.check(criteria); // a wrong filter or organization answers before any byte is written
        var months = criteria.months(YearMonth.now());
        try (ExcelDownload excel = ExcelDownload.start(response, "退休提醒名单",
                "序号", "姓名", "性别", "出生年月", "单位", "现任职务", "退休时间", "退休年龄", "延迟月数", "退休年龄组别")) {
            list.forEach(criteria, MAX_ROWS, r -> excel.row(excel.rows() + 1, r.name(), r.sexName(), r.birthMonthText(),
                    r.orgName(), r.currentPost(), r.retirement().monthText(), r.retirement().ageText(),
                    r.retirement().delayMonths(), r.group().chineseName()));
            // In its own short transaction before the workbook is written out: the audit chain's lock is not held while the
            // file streams (the load test saw it starve the pool); if the record cannot be written, nothing is sent.
            audit.recordAlone("CADRE_EXPORT", "organization", criteria.orgId(),
                    "导出退休提醒名单 " + excel.rows() + " 人，退休时间 " + RetirementFormat.month(months.from()) + "至"
                            + RetirementFormat.month(months.to()) + (criteria.orgId() == null ? "" : "，组织 " + criteria.orgId()),
                    org.zugong.audit.AuditOutcome.SUCCESS);
            excel.finish();
            return excel.rows();
        }
    }
}
