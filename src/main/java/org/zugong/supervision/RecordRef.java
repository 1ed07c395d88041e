package org.zugong.supervision;

import java.util.Optional;

/**
 * The id of a supervision record across its two sources: "SUP-12" is row 12 of supervision_record,
 * "CAD-34" row 34 of cadre_record. Stable and unambiguous.
 */
record RecordRef(boolean cadre, long id) {

    static RecordRef supervision(long id) {
        return new RecordRef(false, id);
    }

    static RecordRef cadre(long id) {
        return new RecordRef(true, id);
    }

    static Optional<RecordRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("SUP-")) {
                return Optional.of(supervision(Long.parseLong(t.substring(4))));
            }
            if (t.startsWith("CAD-")) {
                return Optional.of(cadre(Long.parseLong(t.substring(4))));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    String source() {
        return cadre ? "cadre" : "supervision";
    }

    @Override
    public String toString() {
        return (cadre ? "CAD-" : "SUP-") + id;
    }
}
