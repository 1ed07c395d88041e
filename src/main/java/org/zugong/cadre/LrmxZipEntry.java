package org.zugong.cadre;

/**
 * One entry of an uploaded zip of LRMX files.
 *
 * @param entryName the path inside the zip, as stored
 * @param result    the parsed file, or a rejection with a problem for the field {@code 文件}
 */
public record LrmxZipEntry(String entryName, LrmxParseResult result) {
}
