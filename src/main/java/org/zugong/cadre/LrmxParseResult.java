package org.zugong.cadre;

import java.util.List;

/**
 * The outcome of reading one LRMX file.
 *
 * @param document what could be read; null when the file as a whole was rejected
 * @param problems everything that needs the user's attention, empty when the file is clean
 */
public record LrmxParseResult(LrmxDocument document, List<LrmxProblem> problems) {

    public LrmxParseResult {
        problems = List.copyOf(problems);
    }

    static LrmxParseResult rejected(String message) {
        return new LrmxParseResult(null, List.of(LrmxProblem.ofFile(message)));
    }

    /** True when the document was read and nothing needs attention. */
    public boolean isClean() {
        return document != null && problems.isEmpty();
    }
}
