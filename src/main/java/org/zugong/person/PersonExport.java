package org.zugong.person;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.excel.ExcelDownload;

/**
 * The person roster (人员名册) as an Excel workbook, streamed so that large subtrees do not fill
 * memory. ID numbers are masked unless the user holds the permission and asked for them in full.
 */
@Service
class PersonExport {

    /** More rows than this in one file is a data dump, not a roster: ask for a narrower filter. */
    static final int MAX_ROWS = 200_000;

    private final PersonRegistry registry;
    private final PersonRepository repository;
    private final CodeTables codes;
    private final AuditLog audit;

    PersonExport(PersonRegistry registry, PersonRepository repository, CodeTables codes, AuditLog audit) {
        this.registry = registry;
        this.repository = repository;
        this.codes = codes;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    int write(PersonCriteria criteria, boolean fullIdNumbers, HttpServletResponse response) throws IOException {
        var where = registry.where(criteria);
        try (ExcelDownload excel = ExcelDownload.start(response, "人员名册",
                "序号", "姓名", "性别", "出生日期", "民族", "身份证号", "学历", "政治面貌", "所在组织")) {
            repository.stream(where, MAX_ROWS, r -> {
                String id = repository.decrypt(r.idCipher());
                excel.row(excel.rows() + 1, r.name(), codes.sex().shortName(r.sex()), r.birthDate(),
                        codes.ethnicity().name(r.ethnicity()), fullIdNumbers ? id : IdNumber.mask(id),
                        codes.education().name(r.education()), codes.politicalStatus().shortName(r.politicalStatus()), r.orgName());
            });
            audit.recordAlone("PERSON_EXPORT", "person", criteria.orgId(),
                    "导出人员名册 " + excel.rows() + " 人" + (fullIdNumbers ? "（含完整身份证号）" : "（身份证号已脱敏）") + "，条件：" + criteria,
                    AuditOutcome.SUCCESS);
            excel.finish();
            return excel.rows();
        }
    }
}
