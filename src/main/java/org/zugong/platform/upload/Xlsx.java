package org.zugong.platform.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Uploaded .xlsx workbooks, opened only through here so that Apache POI's zip-bomb guards are always the
 * ones chosen below, not whatever a library default happens to be: every part must inflate at most
 * {@value #MAX_ENTRY_BYTES} bytes and by a factor of at most 100 ({@link #MIN_INFLATE_RATIO}), and a
 * text part may hold at most {@value #MAX_TEXT_CHARS} characters. The settings are global in POI
 * (static); {@link #applyLimits()} sets them when this class loads and again at application start.
 * POI parses the parts' XML with DOCTYPE declarations disallowed (proved by {@code UploadSecurityTests}).
 */
public final class Xlsx {

    /** Compressed / inflated size of a part: below this it is a zip bomb (POI's guard; also its default). */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** One part inflated (POI's default is 4 GB, i.e. no limit). */
    public static final long MAX_ENTRY_BYTES = 1024L * 1024 * 1024;
    /** Characters of text extracted from one part. */
    public static final long MAX_TEXT_CHARS = 10_000_000L;
    /** All parts together, inflated, counted before POI sees an in-memory upload. */
    public static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;
    /** Parts in one package. */
    public static final int MAX_PARTS = 1000;

    static final String BOMB = "文件内容异常（疑似压缩炸弹：解压后过大），已拒绝";
    static final String BROKEN = "文件无法读取：文件已损坏或不是有效的 .xlsx 工作簿，请使用下载的模板填写后上传";

    static {
        applyLimits();
    }

    private Xlsx() {
    }

    /** Sets POI's global zip-bomb limits (idempotent). */
    public static void applyLimits() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
    }

    /**
     * Inflates every part once, counting: refuses a package over {@code maxInflated} bytes or {@value #MAX_PARTS}
     * parts, and one without the OOXML parts {@code [Content_Types].xml} and {@code xl/workbook.xml}.
     */
    public static void requireWorkbook(byte[] content, long maxInflated) {
        requireWorkbook(new ByteArrayInputStream(content), maxInflated);
    }

    /**
     * For a (large) workbook on disk, read by streaming: the zip magic and the OOXML parts, from the central
     * directory without inflating anything; POI's guards limit the inflation while it streams.
     */
    public static void requireWorkbookParts(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (!FileType.XLSX.hasContent(in.readNBytes(4))) {
                throw Upload.mismatch(FileType.XLSX, "文件");
            }
        } catch (IOException e) {
            throw new UploadRefused(BROKEN);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_PARTS) {
                throw new UploadRefused("文件内容异常（部件过多），已拒绝");
            }
            if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("xl/workbook.xml") == null) {
                throw new UploadRefused(BROKEN);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UploadRefused(BROKEN);
        }
    }

    private static void requireWorkbook(InputStream content, long maxInflated) {
        Set<String> names = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(content)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (names.size() >= MAX_PARTS) {
                    throw new UploadRefused("文件内容异常（部件过多），已拒绝");
                }
                names.add(entry.getName());
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > maxInflated) {
                        throw new UploadRefused(BOMB);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UploadRefused(BROKEN);
        }
        if (!names.contains("[Content_Types].xml") || !names.contains("xl/workbook.xml")) {
            throw new UploadRefused(BROKEN);
        }
    }

    /** Opens an in-memory workbook with the limits set; any failure becomes {@link UploadRefused}. */
    public static XSSFWorkbook open(byte[] content) {
        applyLimits();
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (Exception | LinkageError e) {
            throw refusal(e);
        }
    }

    /** Opens a workbook on disk for streaming reads, with the limits set. */
    public static OPCPackage open(Path file) {
        applyLimits();
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw refusal(e);
        }
    }

    /** The refusal for a failure while POI reads a package: a zip bomb is named as such. */
    public static UploadRefused refusal(Throwable e) {
        if (e instanceof UploadRefused refused) {
            return refused;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("zip bomb")
                    || message.contains("exceeds the max") || message.contains("too big"))) {
                return new UploadRefused(BOMB);
            }
        }
        return new UploadRefused(BROKEN);
    }
}
