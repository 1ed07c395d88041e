package org.zugong.platform.codes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One national code table (e.g. GB/T 3304 ethnicities): code → entry, in the file's order. */
public final class CodeTable {

    /** One row; {@code attributes} holds the file's further columns (short name, parent, level…). */
    public record Entry(String code, String name, Map<String, String> attributes) {

        public String attribute(String key) {
            return attributes.getOrDefault(key, "");
        }

        /** The short form where the table has one (e.g. 中共党员), else the name. */
        public String shortName() {
            String s = attributes.get("short");
            return s == null || s.isBlank() ? name : s;
        }
    }

    private final String id;
    private final String title;
    private final Map<String, Entry> entries;

    CodeTable(String id, String title, List<Entry> entries) {
        this.id = id;
        this.title = title;
        Map<String, Entry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.code(), e));
        this.entries = java.util.Collections.unmodifiableMap(map);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public boolean contains(String code) {
        return code != null && entries.containsKey(code);
    }

    public Optional<Entry> find(String code) {
        return Optional.ofNullable(code == null ? null : entries.get(code));
    }

    /** The Chinese name of a code, or the code itself when unknown, or empty for null. */
    public String name(String code) {
        if (code == null) {
            return "";
        }
        Entry e = entries.get(code);
        return e == null ? code : e.name();
    }

    public String shortName(String code) {
        if (code == null) {
            return "";
        }
        Entry e = entries.get(code);
        return e == null ? code : e.shortName();
    }

    /** The code whose name or short name is this text (for imports that carry names). */
    public Optional<String> codeOf(String nameOrShort) {
        if (nameOrShort == null) {
            return Optional.empty();
        }
        String t = nameOrShort.trim();
        return entries.values().stream()
                .filter(e -> e.name().equals(t) || e.shortName().equals(t) || e.code().equals(t))
                .map(Entry::code)
                .findFirst();
    }

    public Collection<Entry> entries() {
        return entries.values();
    }
}
