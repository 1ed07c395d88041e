package org.zugong.cadre;

/**
 * Why a part of an LRMX file could not be taken as it is.
 *
 * @param field   the XML element name (e.g. {@code ShenFenZheng}), or {@code 文件} for the whole file
 * @param message the reason in Chinese; never echoes file content beyond the field's own value
 */
public record LrmxProblem(String field, String message) {

    /** Field name used for problems of the whole file or zip entry. */
    public static final String FILE = "文件";

    static LrmxProblem ofFile(String message) {
        return new LrmxProblem(FILE, message);
    }
}
