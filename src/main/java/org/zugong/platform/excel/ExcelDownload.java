package org.zugong.platform.excel;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;

/**
 * One Excel sheet streamed to the browser (SXSSF keeps only a window of rows in memory), with the
 * download headers every export needs: a dated Chinese file name and no caching.
 */
public final class ExcelDownload implements AutoCloseable {

    private final HttpServletResponse response;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(500);
    private final Sheet sheet;
    private int rows;

    private ExcelDownload(HttpServletResponse response, String title, String... headers) {
        this.response = response;
        this.workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(title);
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            header.createCell(i).setCellValue(headers[i]);
        }
    }

    /** Starts a download named {@code <title>-yyyyMMdd.xlsx} with one sheet of that title. */
    public static ExcelDownload start(HttpServletResponse response, String title, String... headers) {
        String file = title + "-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return new ExcelDownload(response, title, headers);
    }

    /** Appends a row; numbers stay numbers, everything else is written as text, null as empty. */
    public void row(Object... cells) {
        Row row = sheet.createRow(++rows);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(value == null ? "" : value.toString());
            }
        }
    }

    /** Rows written so far, without the header. */
    public int rows() {
        return rows;
    }

    /** Sends the workbook. */
    public void finish() throws IOException {
        workbook.write(response.getOutputStream());
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
