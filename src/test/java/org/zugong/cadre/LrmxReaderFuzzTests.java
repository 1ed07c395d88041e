package org.zugong.cadre;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the LRMX readers (Jazzer): whatever the bytes, {@link LrmxReader#read(byte[])} and
 * {@link LrmxZip#read} answer with problems in Chinese and never throw (no NPE, no index error, no OOM),
 * as their Javadoc promises.
 *
 * <p>In a normal build ({@code ./mvnw verify}) these run in Jazzer's regression mode over the inputs kept in
 * {@code src/test/resources/org/zugong/cadre/LrmxReaderFuzzTestsInputs/<method>/}. To fuzz, one method at a
 * time: {@code JAZZER_FUZZ=1 ./mvnw -o test -Djazzer.hooks=true -Dtest=LrmxReaderFuzzTests#anyBytesGiveAResultAndNeverAnException};
 * a crash is written to that folder as {@code crash-…}: fix the reader and keep the file as a regression input.
 */
class LrmxReaderFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void anyBytesGiveAResultAndNeverAnException(byte[] data) {
        LrmxParseResult result = LrmxReader.read(data);

        assertThat(result).isNotNull();
        assertThat(result.document() != null || !result.problems().isEmpty()).isTrue();
    }

    @FuzzTest(maxDuration = "2m")
    void anyArchiveGivesEntriesAndNeverAnException(byte[] data) {
        var entries = LrmxZip.read(new ByteArrayInputStream(data));

        assertThat(entries).isNotEmpty();
        for (LrmxZipEntry entry : entries) {
            assertThat(LrmxZip.isSafePath(entry.entryName()) || !entry.result().problems().isEmpty()).isTrue();
        }
    }
}
