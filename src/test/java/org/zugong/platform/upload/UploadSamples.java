package org.zugong.platform.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Hostile and harmless files for the upload tests, built in memory. */
public final class UploadSamples {

    public static final String SHEET = "xl/worksheets/sheet1.xml";
    public static final byte[] TEXT = "人员编号,等次\n1,称职\n这是一个改了扩展名的文本文件\n".getBytes(StandardCharsets.UTF_8);
    /** The start of a Windows executable (MZ header, PE offset), padded. */
    public static final byte[] EXE = Arrays.copyOf(new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF}, 512);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    private UploadSamples() {
    }

    /** A real workbook with one sheet whose first row holds the given headers. */
    public static byte[] xlsx(String... headers) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet("Sheet1").createRow(0);
            for (int i = 0; i < headers.length; i++) {
                row.createCell(i).setCellValue(headers[i]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook whose sheet part inflates from a few kilobytes to {@code megabytes} MB of blanks: a zip bomb
     * by ratio (about 1:1000), small enough to pass the size caps, so only POI's inflate-ratio guard stops it.
     */
    public static byte[] xlsxBomb(byte[] workbook, int megabytes) {
        byte[] blanks = new byte[megabytes * 1024 * 1024];
        Arrays.fill(blanks, (byte) ' ');
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
        String tail = "</sheetData></worksheet>";
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        sheet.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        sheet.writeBytes(blanks);
        sheet.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return replace(workbook, SHEET, sheet.toByteArray());
    }

    /** A workbook whose sheet declares an external entity for /etc/passwd and uses it in a cell. */
    public static byte[] xlsxWithExternalEntity(byte[] workbook) {
        String sheet = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>""";
        return replace(workbook, SHEET, sheet.getBytes(StandardCharsets.UTF_8));
    }

    /** A workbook whose sheet expands an entity a billion times (billion laughs). */
    public static byte[] xlsxWithBillionLaughs(byte[] workbook) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol \"lol\">");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
            previous = "lol" + i;
        }
        dtd.append("]>");
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>";
        return replace(workbook, SHEET, sheet.getBytes(StandardCharsets.UTF_8));
    }

    /** The package with one part's content replaced. */
    public static byte[] replace(byte[] zip, String part, byte[] content) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!parts.containsKey(part)) {
            throw new IllegalArgumentException("no part " + part);
        }
        parts.put(part, content);
        return zip(parts);
    }

    /** A zip (deflated) of the given entries, names taken as they are (also "../" and absolute ones). */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code prefix} followed by zeros up to {@code size} bytes. */
    public static byte[] padded(byte[] prefix, long size) {
        return Arrays.copyOf(prefix, Math.toIntExact(size));
    }
}
