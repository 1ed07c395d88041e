package org.zugong.assessment;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.zugong.platform.upload.FileType;
import org.zugong.platform.upload.Upload;
import org.zugong.platform.upload.UploadRefused;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the reading of a 批量录入 upload (Jazzer): any bytes sent as an .xlsx are either read into rows or
 * refused as a whole ({@link UploadRefused} from the content check, {@link AssessmentBulkEntry.Refused} from
 * reading); nothing else is thrown.
 *
 * <p>Regression mode runs in every build over {@code src/test/resources/org/zugong/assessment/
 * AssessmentBulkReadingFuzzTestsInputs/<method>/}. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -o test -Djazzer.hooks=true -Dtest=AssessmentBulkReadingFuzzTests}; keep a crash file there after fixing.
 */
class AssessmentBulkReadingFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void anyUploadIsReadOrRefusedAndNothingElseIsThrown(byte[] data) {
        try {
            Upload.requireContent(data, FileType.XLSX, "文件");
            var lines = AssessmentBulkEntry.lines(data);
            assertThat(lines).allSatisfy(line -> assertThat(line.grade()).isNotBlank());
        } catch (UploadRefused | AssessmentBulkEntry.Refused expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
