package org.zugong.platform.upload;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file the application accepts, each known by its extensions and by its first bytes. */
public enum FileType {

    /** An Office Open XML workbook: a zip ({@code PK\3\4}); {@link Xlsx#requireWorkbook} checks its parts. */
    XLSX(".xlsx", List.of(".xlsx")),
    /** 任免审批表: XML text, optionally after a byte-order mark and whitespace. */
    LRMX(".lrmx", List.of(".lrmx")),
    ZIP(".zip", List.of(".zip")),
    JPEG(".jpg", List.of(".jpg", ".jpeg")),
    PNG(".png", List.of(".png")),
    /** A PDF document ({@code %PDF-}): evidence of talent applications, service-request attachments. */
    PDF(".pdf", List.of(".pdf")),
    /** An Office Open XML document: a zip ({@code PK\3\4}). */
    DOCX(".docx", List.of(".docx"));

    private final String label;
    private final List<String> extensions;

    FileType(String label, List<String> extensions) {
        this.label = label;
        this.extensions = extensions;
    }

    public String label() {
        return label;
    }

    /** The allowed type the file name's extension names (case-insensitive). */
    public static Optional<FileType> byName(String fileName, List<FileType> allowed) {
        String lower = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        return allowed.stream().filter(t -> t.extensions.stream().anyMatch(lower::endsWith)).findFirst();
    }

    /** Whether the first bytes are those of this type (a cheap check; an .xlsx needs {@link Xlsx#requireWorkbook} too). */
    public boolean hasContent(byte[] b) {
        return switch (this) {
            case XLSX -> startsWith(b, 'P', 'K', 3, 4);
            case ZIP -> startsWith(b, 'P', 'K', 3, 4) || startsWith(b, 'P', 'K', 5, 6);
            case LRMX -> isXml(b);
            case JPEG -> startsWith(b, 0xFF, 0xD8, 0xFF);
            case PNG -> startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case PDF -> startsWith(b, '%', 'P', 'D', 'F', '-');
            case DOCX -> startsWith(b, 'P', 'K', 3, 4);
        };
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b == null || b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** XML starts with {@code <} after an optional BOM (UTF-8, UTF-16) and whitespace; no zip, no binary. */
    private static boolean isXml(byte[] b) {
        if (b == null) {
            return false;
        }
        int i = 0;
        int step = 1;
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            i = 3;
        } else if (startsWith(b, 0xFF, 0xFE)) {
            i = 2;
            step = 2; // UTF-16LE: the ASCII byte comes first
        } else if (startsWith(b, 0xFE, 0xFF)) {
            i = 3;
            step = 2; // UTF-16BE: the ASCII byte comes second
        }
        for (; i < b.length && i < 4096; i += step) {
            int c = b[i] & 0xFF;
            if (c == '<') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return false;
    }
}
