package org.zugong.cadre;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.excel.ExcelDownload;

/**
 * F13 花名册: the result of a cadre search as an Excel sheet with the columns the user chose, in the
 * order of {@link RosterColumn}, streamed row by row; each export is audited with its filters.
 */
@Service
@Transactional
class CadreRoster {

    static final List<RosterColumn> DEFAULT_COLUMNS = List.of(RosterColumn.NAME, RosterColumn.SEX, RosterColumn.BIRTH,
            RosterColumn.UNIT, RosterColumn.CURRENT_POST, RosterColumn.RANK);

    private final CadreSearch search;
    private final CadreFiles files;
    private final CodeTables codes;
    private final AuditLog audit;

    CadreRoster(CadreSearch search, CadreFiles files, CodeTables codes, AuditLog audit) {
        this.search = search;
        this.files = files;
        this.codes = codes;
        this.audit = audit;
    }

    /** The known columns among those asked for (unknown names are ignored), or the default set. */
    static List<RosterColumn> columns(List<String> names) {
        List<RosterColumn> chosen = new ArrayList<>();
        for (RosterColumn c : RosterColumn.values()) {
            if (names != null && names.contains(c.name())) {
                chosen.add(c);
            }
        }
        return chosen.isEmpty() ? DEFAULT_COLUMNS : List.copyOf(chosen);
    }

    void write(CadreCriteria criteria, List<String> columnNames, String sort, HttpServletResponse response) throws IOException {
        List<RosterColumn> cols = columns(columnNames);
        search.where(criteria, LocalDate.now()); // checks the chosen organization before any byte is written
        RetirementSchedule retirement = files.retirementSchedule();
        LocalDate today = LocalDate.now();
        try (ExcelDownload excel = ExcelDownload.start(response, "干部花名册", cols.stream().map(RosterColumn::label).toArray(String[]::new))) {
            search.forEach(criteria, sort == null ? "org" : sort,
                    row -> excel.row(cols.stream().map(c -> c.value(row, codes, retirement, today)).toArray()));
            // In its own short transaction before the workbook is written out: the audit chain's lock is not held while the
            // file streams (the load test saw it starve the pool); if the record cannot be written, nothing is sent.
            audit.recordAlone("CADRE_EXPORT", "cadre", null, "导出干部花名册 " + excel.rows() + " 人（" + CadrePages.query(criteria) + "）",
                    org.zugong.audit.AuditOutcome.SUCCESS);
            excel.finish();
        }
    }
}
