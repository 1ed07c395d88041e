package org.zugong.cadre;

/**
 * One entry of an uploaded zip of LRMX files.
 *
 * @param entryName the path inside the zip, as stored
 * @param result    the parsed file, or a rejection with a problem for the field {@code 文件}
 */
public record LrmxZipEntry(String entryName, LrmxParseResult result) {

    /** An entry that is not an LRMX file at all, reported but not an error of the batch. */
    public boolean skipped() {
        return result.document() == null && result.problems().size() == 1
                && LrmxZip.NOT_LRMX.equals(result.problems().getFirst().message());
    }
}
