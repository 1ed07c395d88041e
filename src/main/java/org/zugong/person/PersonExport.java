package org.zugong.person;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.platform.codes.CodeTables;

/**
 * The person roster as an Excel workbook, streamed (SXSSF) so that large subtrees do not fill memory.
 * ID numbers are masked unless the user holds the permission and asked for them in full.
 */
@Service
class PersonExport {

    /** More rows than this in one file is a data dump, not a roster: ask for a narrower filter. */
    static final int MAX_ROWS = 200_000;

    private static final String[] HEADERS = {"序号", "姓名", "性别", "出生日期", "民族", "身份证号", "学历", "政治面貌", "所在组织"};

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
    int write(PersonCriteria criteria, boolean fullIdNumbers, OutputStream out) throws IOException {
        var where = registry.where(criteria);
        AtomicInteger n = new AtomicInteger();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            wb.setCompressTempFiles(true);
            Sheet sheet = wb.createSheet("人员名册");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            repository.stream(where, MAX_ROWS, r -> {
                int i = n.incrementAndGet();
                Row row = sheet.createRow(i);
                String id = repository.decrypt(r.idCipher());
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue(r.name());
                row.createCell(2).setCellValue(codes.sex().shortName(r.sex()));
                row.createCell(3).setCellValue(r.birthDate().toString());
                row.createCell(4).setCellValue(codes.ethnicity().name(r.ethnicity()));
                row.createCell(5).setCellValue(fullIdNumbers ? id : IdNumber.mask(id));
                row.createCell(6).setCellValue(codes.education().name(r.education()));
                row.createCell(7).setCellValue(codes.politicalStatus().shortName(r.politicalStatus()));
                row.createCell(8).setCellValue(r.orgName());
            });
            audit.recordAlone("PERSON_EXPORT", "person", criteria.orgId(),
                    "导出人员名册 " + n.get() + " 人" + (fullIdNumbers ? "（含完整身份证号）" : "（身份证号已脱敏）") + "，条件：" + criteria,
                    org.zugong.audit.AuditOutcome.SUCCESS);
            wb.write(out);
        }
        return n.get();
    }
}
