package org.zugong.cadre;

import java.util.List;

/**
 * What an LRMX import did or, for a preview, would do. A batch is all or nothing: when
 * {@code errors} is not empty nothing was stored.
 *
 * @param imported the cadres written (or, in a preview, to be written; a new person's id is then null)
 * @param errors   each failing file, field (LRMX element) and reason
 * @param previews per file: new or existing person, and the fields that would change
 */
public record LrmxImportReport(boolean dryRun, List<Imported> imported, List<Error> errors, List<Preview> previews) {

    public LrmxImportReport {
        imported = List.copyOf(imported);
        errors = List.copyOf(errors);
        previews = List.copyOf(previews);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    /** Serializable: shown after the import as a flash attribute, kept in the session in the database. */
    public record Imported(Long id, String name) implements java.io.Serializable {
    }

    public record Error(String file, String field, String message) {
    }

    /** A file's effect: {@code personId} null for a new person; {@code changes} empty for a new one. */
    public record Preview(String file, String name, String maskedIdNumber, Long personId, boolean newFile, String orgName,
                          List<LrmxFieldChange> changes) {
    }
}
