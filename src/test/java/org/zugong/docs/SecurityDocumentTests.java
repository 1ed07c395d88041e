package org.zugong.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/security.md} names the tests that prove each checklist line; a renamed or deleted test would leave
 * the document claiming a proof that no longer runs. Every {@code Class.method} it names must exist in the test
 * sources (and every {@code Class.*} must be a test class), and every line of the shared checklist's sections is
 * accounted for by a table row.
 */
class SecurityDocumentTests {

    private static final Path DOC = Path.of("docs", "security.md");
    private static final Path TESTS = Path.of("src", "test", "java");
    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*Tests)\\.([a-z][A-Za-z0-9]*|\\*)`");
    private static final Pattern CONTINUED = Pattern.compile("`\\.([a-z][A-Za-z0-9]*)`");

    private static Map<String, String> testSources() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(p -> p.getFileName().toString().endsWith("Tests.java"))
                    .collect(Collectors.toMap(p -> p.getFileName().toString().replace(".java", ""), p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, (a, b) -> a + b));
        }
    }

    @Test
    void everyTestTheSecurityDocumentNamesExists() throws IOException {
        String doc = Files.readString(DOC);
        Map<String, String> sources = testSources();
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String line : doc.split("\n")) {
            Matcher m = NAMED.matcher(line);
            String lastClass = null;
            int end = 0;
            while (m.find()) {
                named++;
                lastClass = m.group(1);
                String source = sources.get(lastClass);
                if (source == null) {
                    missing.add(lastClass + " (no such test class)");
                } else if (!m.group(2).equals("*") && !Pattern.compile("void " + m.group(2) + "\\(").matcher(source).find()) {
                    missing.add(lastClass + "." + m.group(2));
                }
                end = m.end();
                // "`.other`" after a named test refers to the same class
                Matcher c = CONTINUED.matcher(line);
                c.region(end, line.length());
                while (c.lookingAt() || (c.find() && !NAMED.matcher(line.substring(end, c.start())).find())) {
                    named++;
                    if (!Pattern.compile("void " + c.group(1) + "\\(").matcher(source == null ? "" : source).find()) {
                        missing.add(lastClass + "." + c.group(1));
                    }
                    end = c.end();
                    c.region(end, line.length());
                }
                m.region(end, line.length());
            }
        }
        assertThat(named).as("tests named").isGreaterThan(100);
        assertThat(new TreeSet<>(missing)).as("tests named in docs/security.md that do not exist").isEmpty();
    }

    @Test
    void everySectionOfTheSharedChecklistHasItsTable() throws IOException {
        String doc = Files.readString(DOC);
        for (String section : List.of("Identity and sessions", "Access control", "Audit", "Data protection",
                "Uploads (Excel, LRMX XML, zip)", "Reliability")) {
            assertThat(doc).as(section).contains("### " + section);
        }
    }
}
