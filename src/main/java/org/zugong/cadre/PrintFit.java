package org.zugong.cadre;

import java.util.List;

/**
 * Chooses the font size of a fixed-size cell of the printed 任免审批表 so that its text fits: the
 * largest of the sizes in {@code print-form.css} ({@code fit-0} 12pt … {@code fit-4} 6.5pt) whose
 * estimated wrapped lines fill no more than the cell. The estimate counts a CJK character as one em
 * and an ASCII character as half; cells clip what still does not fit, so a page never spills over.
 */
final class PrintFit {

    /** The font sizes of the classes fit-0 … fit-4, in points. */
    static final double[] SIZES_PT = {12, 10.5, 9, 7.5, 6.5};
    /** The CSS line height of fitted text. */
    static final double LINE_HEIGHT = 1.35;
    private static final double MM_PER_PT = 25.4 / 72;
    /** Text wraps at word and punctuation boundaries, not at the last em: keep a margin. */
    private static final double USABLE = 0.92;

    private PrintFit() {
    }

    /** The class for text rows (each a paragraph) in a cell of this inner width and height (mm). */
    static String fit(List<String> rows, double widthMm, double heightMm) {
        return fit(rows, widthMm, heightMm, 0);
    }

    /**
     * The same for text set beside a fixed prefix of {@code prefixEm} ems (the period column of the
     * 简历), which takes width from every line.
     */
    static String fit(List<String> rows, double widthMm, double heightMm, double prefixEm) {
        return fit(rows, widthMm, heightMm, prefixEm, 0);
    }

    /** The same, starting at the class {@code fit-<largest>} (for rows already set smaller). */
    static String fit(List<String> rows, double widthMm, double heightMm, double prefixEm, int largest) {
        for (int i = largest; i < SIZES_PT.length; i++) {
            double em = SIZES_PT[i] * MM_PER_PT;
            double perLine = (widthMm - prefixEm * em) * USABLE / em;
            int lines = 0;
            for (String row : rows) {
                lines += Math.max(1, (int) Math.ceil(ems(row) / perLine));
            }
            if (lines * em * LINE_HEIGHT <= heightMm) {
                return "fit-" + i;
            }
        }
        return "fit-" + (SIZES_PT.length - 1);
    }

    /** Width of a text in ems: half for ASCII and half-width forms, one for the rest. */
    static double ems(String text) {
        if (text == null) {
            return 0;
        }
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            ems += c < 0x2E80 || (c >= 0xFF61 && c <= 0xFFDC) ? 0.5 : 1;
        }
        return ems;
    }

    static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().replace("\r\n", "\n").split("\n"));
    }
}
