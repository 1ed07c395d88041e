package org.zugong.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Lines of a UTF-8 text resource of the application (code tables, name lists), blank lines dropped. */
record ResourceText(String name, List<String> lines) {

    static ResourceText load(String name) {
        try (InputStream in = ResourceText.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource not found on the classpath: " + name);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new ResourceText(name, reader.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data rows of a CSV with a header line, split on commas (the code tables have no quoted fields). */
    List<String[]> csvRows() {
        return lines.stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    /** Rows of a tab-separated list. */
    List<String[]> tsvRows() {
        return lines.stream().map(l -> l.split("\t")).toList();
    }
}
