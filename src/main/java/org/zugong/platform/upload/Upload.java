package org.zugong.platform.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.multipart.MultipartFile;

/**
 * An accepted upload: not empty, within the endpoint's size cap, with an allowed extension and content
 * that agrees with it. Every upload endpoint starts here, so the checks and their Chinese messages are
 * the same everywhere.
 *
 * @param fileName the name the client sent (stripped; only ever shown back, never used as a path)
 */
public record Upload(String fileName, FileType type, byte[] content) {

    /** Reads and checks a multipart file; throws {@link UploadRefused} with the reason. */
    public static Upload accept(MultipartFile file, String subject, long maxBytes, FileType... allowed) {
        if (file == null || file.isEmpty()) {
            throw new UploadRefused("请选择要上传的" + subject + "（" + labels(List.of(allowed)) + "）");
        }
        if (file.getSize() > maxBytes) {
            throw tooLarge(subject, maxBytes);
        }
        String name = name(file);
        FileType type = requireName(name, subject, allowed);
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UploadRefused(subject + "读取失败，请重新上传");
        }
        if (content.length > maxBytes) {
            throw tooLarge(subject, maxBytes);
        }
        requireContent(content, type, subject);
        return new Upload(name, type, content);
    }

    /** The client's file name, stripped; empty when none was sent. */
    public static String name(MultipartFile file) {
        return file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename().strip();
    }

    /** The allowed type the extension names, or {@link UploadRefused}. */
    public static FileType requireName(String fileName, String subject, FileType... allowed) {
        return FileType.byName(fileName, List.of(allowed)).orElseThrow(() -> new UploadRefused(
                "只能上传 " + labels(List.of(allowed)) + " 格式的" + subject
                        + (List.of(allowed).contains(FileType.XLSX) && fileName != null && fileName.toLowerCase().endsWith(".xls")
                        ? "（旧版 .xls 请另存为 .xlsx）" : "")));
    }

    /** The content must be what the extension says ({@link Xlsx#requireWorkbook} for workbooks); else {@link UploadRefused}. */
    public static void requireContent(byte[] content, FileType type, String subject) {
        if (!type.hasContent(content)) {
            throw mismatch(type, subject);
        }
        if (type == FileType.XLSX) {
            Xlsx.requireWorkbook(content, Xlsx.MAX_INFLATED_BYTES);
        }
    }

    static UploadRefused mismatch(FileType type, String subject) {
        return new UploadRefused(subject + "无法读取：内容与扩展名不符，不是有效的 " + type.label() + " 文件");
    }

    public static UploadRefused tooLarge(String subject, long maxBytes) {
        return new UploadRefused(subject + "超过 " + maxBytes / (1024 * 1024) + "MB，已拒绝");
    }

    private static String labels(List<FileType> types) {
        return types.stream().map(FileType::label).collect(Collectors.joining(" 或 "));
    }
}
