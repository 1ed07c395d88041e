package org.zugong.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, bytea as {@code \\x…} hex. */
final class CopyText {

    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder out = new StringBuilder(1 << 20);
    private boolean firstField = true;

    CopyText text(String value) {
        separate();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyText number(long value) {
        separate();
        out.append(value);
        return this;
    }

    CopyText number(Long value) {
        return value == null ? nothing() : number(value.longValue());
    }

    CopyText date(LocalDate value) {
        return value == null ? nothing() : text(value.toString());
    }

    CopyText bool(boolean value) {
        separate();
        out.append(value ? 't' : 'f');
        return this;
    }

    CopyText bytea(byte[] value) {
        if (value == null) {
            return nothing();
        }
        separate();
        out.append("\\\\x");
        HEX.formatHex(out, value);
        return this;
    }

    CopyText nothing() {
        separate();
        out.append("\\N");
        return this;
    }

    void endRow() {
        out.append('\n');
        firstField = true;
    }

    int length() {
        return out.length();
    }

    /** The buffered rows as UTF-8, emptying the buffer. */
    byte[] drain() {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        return bytes;
    }

    private void separate() {
        if (!firstField) {
            out.append('\t');
        }
        firstField = false;
    }
}
