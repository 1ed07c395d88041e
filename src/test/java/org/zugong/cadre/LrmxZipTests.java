package org.zugong.cadre;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.cadre.LrmxFixtures.bytes;
import static org.zugong.cadre.LrmxFixtures.read;

/** Zips of 任免审批表 files: read within limits and without zip slip, written with readable names. */
class LrmxZipTests {

    @Test
    void readsEveryLrmxEntry() throws IOException {
        byte[] zip = zip(new Entry("a/full.lrmx", bytes("full.lrmx")), new Entry("unknown.LRMX", bytes("unknown-elements.lrmx")));

        List<LrmxZipEntry> entries = LrmxZip.read(new ByteArrayInputStream(zip));

        assertThat(entries).extracting(LrmxZipEntry::entryName).containsExactly("a/full.lrmx", "unknown.LRMX");
        assertThat(entries).allSatisfy(e -> assertThat(e.result().isClean()).isTrue());
        assertThat(entries.get(0).result().document().name()).isEqualTo("李明远");
    }

    @Test
    void rejectsAnEntryThatEscapesTheTargetFolder() throws IOException {
        byte[] zip = zip(new Entry("../evil.lrmx", bytes("full.lrmx")), new Entry("ok.lrmx", bytes("full.lrmx")));

        List<LrmxZipEntry> entries = LrmxZip.read(new ByteArrayInputStream(zip));

        assertThat(entries.get(0).entryName()).isEqualTo("../evil.lrmx");
        assertThat(entries.get(0).result().document()).isNull();
        assertThat(entries.get(0).result().problems()).containsExactly(
                new LrmxProblem("文件", "压缩包中的路径不安全（越出目标文件夹）"));
        assertThat(entries.get(1).result().isClean()).isTrue();
    }

    @Test
    void tellsSafeFromUnsafePaths() {
        assertThat(LrmxZip.isSafePath("a/b/../c.lrmx")).isTrue();
        assertThat(LrmxZip.isSafePath("./c.lrmx")).isTrue();
        assertThat(LrmxZip.isSafePath("a/../../c.lrmx")).isFalse();
        assertThat(LrmxZip.isSafePath("..\\c.lrmx")).isFalse();
        assertThat(LrmxZip.isSafePath("/etc/c.lrmx")).isFalse();
        assertThat(LrmxZip.isSafePath("C:\\c.lrmx")).isFalse();
    }

    @Test
    void skipsDirectoriesAndReportsOtherFiles() throws IOException {
        byte[] zip = zip(new Entry("folder/", new byte[0]), new Entry("readme.txt", "hi".getBytes(StandardCharsets.UTF_8)));

        List<LrmxZipEntry> entries = LrmxZip.read(new ByteArrayInputStream(zip));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.entryName()).isEqualTo("readme.txt");
            assertThat(e.result().problems()).extracting(LrmxProblem::field).containsExactly("文件");
        });
    }

    @Test
    void rejectsAnEntryInflatingBeyondFiveMegabytesWhateverItsHeaderSays() throws IOException {
        byte[] zip = zip(new Entry("bomb.lrmx", new byte[LrmxReader.MAX_BYTES + 1]), new Entry("ok.lrmx", bytes("full.lrmx")));
        assertThat(zip.length).isLessThan(100_000);

        List<LrmxZipEntry> entries = LrmxZip.read(new ByteArrayInputStream(zip));

        assertThat(entries.get(0).result().problems()).containsExactly(new LrmxProblem("文件", "文件超过 5MB"));
        assertThat(entries.get(1).result().isClean()).isTrue();
    }

    @Test
    void stopsWhenTheArchiveInflatesBeyondTwoHundredMegabytes() throws IOException {
        List<Entry> parts = new ArrayList<>();
        byte[] almostFive = new byte[LrmxReader.MAX_BYTES];
        for (int i = 0; i < 41; i++) {
            parts.add(new Entry("p" + i + ".lrmx", almostFive));
        }

        List<LrmxZipEntry> entries = LrmxZip.read(new ByteArrayInputStream(zip(parts.toArray(Entry[]::new))));

        assertThat(entries.getLast().entryName()).isEqualTo(LrmxZip.ARCHIVE);
        assertThat(entries.getLast().result().problems()).containsExactly(new LrmxProblem("文件", "压缩包解压后超过 200MB"));
    }

    @Test
    void stopsAfterTwoThousandEntries() throws IOException {
        List<Entry> parts = new ArrayList<>();
        for (int i = 0; i <= LrmxZip.MAX_ENTRIES; i++) {
            parts.add(new Entry("d" + i + "/", new byte[0]));
        }

        List<LrmxZipEntry> entries = LrmxZip.read(new ByteArrayInputStream(zip(parts.toArray(Entry[]::new))));

        assertThat(entries).singleElement().satisfies(e ->
                assertThat(e.result().problems()).containsExactly(new LrmxProblem("文件", "压缩包内文件超过 2000 个")));
    }

    @Test
    void aZipOfOnlyFoldersSaysItHoldsNoFiles() throws IOException {
        byte[] zip = zip(new Entry("a/", new byte[0]), new Entry("a/b/", new byte[0]));

        List<LrmxZipEntry> entries = LrmxZip.read(new ByteArrayInputStream(zip));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.entryName()).isEqualTo(LrmxZip.ARCHIVE);
            assertThat(e.result().problems()).extracting(LrmxProblem::message).containsExactly("压缩包中没有文件");
        });
    }

    @Test
    void reportsAnArchiveThatIsNotAZip() {
        List<LrmxZipEntry> entries = LrmxZip.read(new ByteArrayInputStream(bytes("full.lrmx")));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.entryName()).isEqualTo(LrmxZip.ARCHIVE);
            assertThat(e.result().problems()).extracting(LrmxProblem::field).containsExactly("文件");
        });
    }

    @Test
    void writesOneFilePerDocumentNamedByNameAndIdNumberLastFourDeduplicated() throws IOException {
        LrmxDocument man = read("full.lrmx").document();
        LrmxDocument wife = read("unknown-elements.lrmx").document();

        byte[] zip = LrmxZip.write(List.of(man, wife, man));

        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        String last4 = LrmxFixtures.MAN_ID.substring(14);
        assertThat(names).containsExactly("李明远-" + last4 + ".lrmx",
                "王雪梅-" + LrmxFixtures.WIFE_ID.substring(14) + ".lrmx", "李明远-" + last4 + "（2）.lrmx");
        List<LrmxZipEntry> back = LrmxZip.read(new ByteArrayInputStream(zip));
        assertThat(back).hasSize(3).allSatisfy(e -> assertThat(e.result().isClean()).isTrue());
        assertThat(back.get(1).result().document()).usingRecursiveComparison().isEqualTo(wife);
    }

    private record Entry(String name, byte[] content) {
    }

    private static byte[] zip(Entry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                zip.write(entry.content());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
