package org.zugong.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The application's code tables as the generator needs them: the region tree (one province, its
 * cities, their counties) and the sets of valid codes, so that every generated code is a real one.
 */
record ProvinceCodes(Region province, Set<String> education, Set<String> ethnicity, Set<String> politicalStatus) {

    static ProvinceCodes load() {
        return new ProvinceCodes(regionTree(), codes("codes/education.csv"), codes("codes/ethnicity.csv"),
                codes("codes/political_status.csv"));
    }

    List<Region> cities() {
        return province.children();
    }

    List<Region> counties() {
        return cities().stream().flatMap(c -> c.children().stream()).toList();
    }

    /** Throws when a generator uses a code the application would not know. */
    void requireKnown(Set<String> table, Iterable<String> used, String what) {
        for (String code : used) {
            if (!table.contains(code)) {
                throw new IllegalStateException("unknown " + what + " code " + code);
            }
        }
    }

    private static Set<String> codes(String resource) {
        return ResourceText.load(resource).csvRows().stream().map(r -> r[0]).collect(Collectors.toUnmodifiableSet());
    }

    private static Region regionTree() {
        List<String[]> rows = ResourceText.load("codes/region.csv").csvRows();
        Map<String, List<String[]>> byParent = new LinkedHashMap<>();
        String[] root = null;
        for (String[] r : rows) {
            if (r[2].isEmpty()) {
                root = r;
            } else {
                byParent.computeIfAbsent(r[2], k -> new ArrayList<>()).add(r);
            }
        }
        if (root == null) {
            throw new IllegalStateException("region.csv has no province row");
        }
        return region(root, byParent);
    }

    private static Region region(String[] row, Map<String, List<String[]>> byParent) {
        List<Region> children = byParent.getOrDefault(row[0], List.of()).stream().map(r -> region(r, byParent)).toList();
        return new Region(row[0], row[1], children);
    }
}
