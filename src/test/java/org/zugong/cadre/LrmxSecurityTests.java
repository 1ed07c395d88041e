package org.zugong.cadre;

import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.zugong.cadre.LrmxFixtures.read;

/** Uploaded LRMX files are untrusted: no DOCTYPE, no entity expansion, bounded size, nothing echoed. */
class LrmxSecurityTests {

    private static final LrmxProblem DOCTYPE_REJECTED =
            new LrmxProblem("文件", "不允许 DOCTYPE 声明（可能的 XXE 攻击）");

    @Test
    void rejectsAnExternalEntityWithoutEchoingTheReferencedFile() {
        LrmxParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> read("xxe.lrmx"));

        assertThat(result.document()).isNull();
        assertThat(result.problems()).containsExactly(DOCTYPE_REJECTED);
        assertThat(result.problems().toString()).doesNotContain("root:", "passwd", "/etc");
    }

    @Test
    void rejectsBillionLaughsFast() {
        LrmxParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> read("billion-laughs.lrmx"));

        assertThat(result.document()).isNull();
        assertThat(result.problems()).containsExactly(DOCTYPE_REJECTED);
        assertThat(result.problems().toString()).doesNotContain("lol");
    }

    @Test
    void rejectsADoctypeEvenWithoutEntities() {
        LrmxParseResult result = LrmxFixtures.readText("<!DOCTYPE Person><Person/>");

        assertThat(result.problems()).containsExactly(DOCTYPE_REJECTED);
    }

    @Test
    void rejectsAFileOverFiveMegabytesBeforeParsing() {
        byte[] big = new byte[LrmxReader.MAX_BYTES + 1];

        LrmxParseResult result = LrmxReader.read(big);

        assertThat(result.document()).isNull();
        assertThat(result.problems()).containsExactly(new LrmxProblem("文件", "文件超过 5MB"));
    }

    @Test
    void readsAtMostOneByteBeyondTheLimitFromAStream() throws Exception {
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                served++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) ' ');
                served += len;
                return len;
            }
        };

        LrmxParseResult result = LrmxReader.read(endless);

        assertThat(result.problems()).containsExactly(new LrmxProblem("文件", "文件超过 5MB"));
    }

    @Test
    void doesNotEchoFileContentInAnXmlSyntaxError() {
        LrmxParseResult result = LrmxFixtures.readText("<Person><XingMing>秘密内容 430104</Person>");

        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("文件不是有效的 XML").doesNotContain("秘密", "XingMing"));
    }
}
