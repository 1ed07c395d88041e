package org.zugong.recruitment;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import org.zugong.platform.upload.Xlsx;
import org.zugong.platform.upload.UploadRefused;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the 党员发展档案排查 reader (Jazzer): any bytes written as the uploaded .xlsx are either audited row by
 * row (a malformed cell is a row error in the report) or refused as a whole ({@link UploadRefused} from the
 * content check, {@link HistoricalAuditWorkbook.Refused} from reading); no other exception escapes, including
 * none from the rule checks on a strange row.
 *
 * <p>Regression mode runs in every build over {@code src/test/resources/org/zugong/recruitment/
 * HistoricalAuditFuzzTestsInputs/<method>/}. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -o test -Djazzer.hooks=true -Dtest=HistoricalAuditFuzzTests}; keep a crash file there after fixing.
 */
class HistoricalAuditFuzzTests {

    private static final DevelopmentChecker CHECKER = new DevelopmentChecker((from, to) -> (int) ChronoUnit.DAYS.between(from, to));

    @FuzzTest(maxDuration = "2m")
    void anyUploadIsAuditedOrRefusedAndNothingElseIsThrown(byte[] data) throws IOException {
        Path file = Files.createTempFile("zugong-fuzz-", ".xlsx");
        try {
            Files.write(file, data);
            Xlsx.requireWorkbookParts(file);
            HistoricalAuditReport report = HistoricalAudit.run(CHECKER, file, "fuzz.xlsx");
            assertThat(report.audited()).isLessThanOrEqualTo(report.rows());
        } catch (UploadRefused | HistoricalAuditWorkbook.Refused expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
