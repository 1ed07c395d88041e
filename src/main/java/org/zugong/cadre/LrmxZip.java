package org.zugong.cadre;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A zip of LRMX files (批量任免审批表), read safely and written with readable file names.
 *
 * <p>Reading streams the archive and trusts none of its headers: at most {@value #MAX_ENTRIES}
 * entries, each at most 5 MB and all together at most 200 MB <em>as inflated</em>, counted while
 * inflating. An entry whose path leaves the target folder ({@code ..}, absolute paths, drive
 * letters) is rejected (zip slip); directories are skipped and other files reported. Names of
 * entries without the UTF-8 flag are read as GB18030, as Windows tools write them.
 */
public final class LrmxZip {

    /** 压缩包内条目数上限. */
    public static final int MAX_ENTRIES = 2_000;
    /** 压缩包解压后总大小上限：200 MB. */
    public static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
    /** The problem of an entry that is simply another kind of file (a readme, __MACOSX): skipped, not an error. */
    public static final String NOT_LRMX = "不是 .lrmx 文件，已跳过";
    /** Name of the pseudo entry that carries problems of the archive as a whole. */
    public static final String ARCHIVE = "（压缩包）";

    private static final int BUFFER = 64 * 1024;

    private LrmxZip() {
    }

    /** Reads every .lrmx entry; a problem of the whole archive ends the list with an {@link #ARCHIVE} entry. */
    public static List<LrmxZipEntry> read(InputStream in) {
        List<LrmxZipEntry> entries = new ArrayList<>();
        Budget budget = new Budget();
        try (ZipInputStream zip = new ZipInputStream(in, LrmxEncoding.GB18030)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++budget.entries > MAX_ENTRIES) {
                    entries.add(archiveProblem("压缩包内文件超过 " + MAX_ENTRIES + " 个"));
                    return entries;
                }
                readEntry(zip, entry, budget).ifPresent(entries::add);
            }
        } catch (TotalTooLarge e) {
            entries.add(archiveProblem("压缩包解压后超过 200MB"));
        } catch (IOException | IllegalArgumentException e) {
            entries.add(archiveProblem("压缩包已损坏或不是 zip 文件"));
        }
        if (entries.isEmpty()) { // no entries at all, or only folders (found by fuzzing: a name decoded to end in '/')
            entries.add(archiveProblem("压缩包中没有文件"));
        }
        return entries;
    }

    private static Optional<LrmxZipEntry> readEntry(ZipInputStream zip, ZipEntry entry, Budget budget)
            throws IOException {
        String name = entry.getName();
        if (!isSafePath(name)) {
            budget.drain(zip);
            return Optional.of(rejected(name, "压缩包中的路径不安全（越出目标文件夹）"));
        }
        if (entry.isDirectory()) {
            return Optional.empty();
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".lrmx")) {
            budget.drain(zip);
            return Optional.of(rejected(name, NOT_LRMX));
        }
        byte[] bytes = budget.readAtMost(zip, LrmxReader.MAX_BYTES);
        if (bytes == null) {
            budget.drain(zip);
            return Optional.of(rejected(name, LrmxReader.TOO_LARGE));
        }
        return Optional.of(new LrmxZipEntry(name, LrmxReader.read(bytes)));
    }

    /** False for absolute paths, drive letters, NUL, and paths whose {@code ..} climb above the root. */
    static boolean isSafePath(String name) {
        String path = name.replace('\\', '/');
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0 || path.matches("^[A-Za-z]:.*")) {
            return false;
        }
        int depth = 0;
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                depth--;
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                return false;
            }
        }
        return true;
    }

    private static LrmxZipEntry rejected(String name, String message) {
        return new LrmxZipEntry(name, LrmxParseResult.rejected(message));
    }

    private static LrmxZipEntry archiveProblem(String message) {
        return rejected(ARCHIVE, message);
    }

    /** Counts inflated bytes across the archive; throws {@link TotalTooLarge} past the total cap. */
    private static final class Budget {
        private int entries;
        private long total;
        private final byte[] buffer = new byte[BUFFER];

        /** The entry's bytes, or null when it inflates to more than {@code limit}. */
        byte[] readAtMost(InputStream in, int limit) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                count(n);
                if (out.size() + n > limit) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        /** Skips the rest of an entry, still counting it against the total. */
        void drain(InputStream in) throws IOException {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                count(n);
            }
        }

        private void count(int n) {
            total += n;
            if (total > MAX_TOTAL_BYTES) {
                throw new TotalTooLarge();
            }
        }
    }

    private static final class TotalTooLarge extends RuntimeException {
        TotalTooLarge() {
            super(null, null, false, false);
        }
    }

    /** Writes the documents as {@code <姓名>-<身份证号后4位>.lrmx}, numbering repeated names. */
    public static void write(List<LrmxDocument> documents, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Set<String> used = new HashSet<>();
        for (LrmxDocument document : documents) {
            zip.putNextEntry(new ZipEntry(uniqueName(fileName(document), used)));
            zip.write(LrmxWriter.write(document));
            zip.closeEntry();
        }
        zip.finish();
    }

    public static byte[] write(List<LrmxDocument> documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(documents, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code <姓名>-<后4位>}, without characters that are not allowed in file names. */
    static String fileName(LrmxDocument d) {
        String name = d.name() == null ? "未命名" : d.name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "未命名";
        }
        String id = d.idNumber();
        return id == null || id.length() < 4 ? name : name + "-" + id.substring(id.length() - 4);
    }

    private static String uniqueName(String base, Set<String> used) {
        String candidate = base + ".lrmx";
        for (int i = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = base + "（" + i + "）.lrmx";
        }
        return candidate;
    }
}
