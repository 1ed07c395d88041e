package org.zugong.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of the form {@code --name value}; unknown names are rejected. */
record BenchArgs(Map<String, String> values) {

    static BenchArgs parse(String[] args, String... allowed) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + name);
            }
            String key = name.substring(2);
            if (!java.util.List.of(allowed).contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; allowed: --" + String.join(", --", allowed));
            }
            values.put(key, args[++i]);
        }
        return new BenchArgs(Map.copyOf(values));
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Path path(String name, String fallback) {
        return Path.of(text(name, fallback)).toAbsolutePath().normalize();
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : fallback;
    }

    long number(String name, long fallback) {
        return values.containsKey(name) ? Long.parseLong(values.get(name).replace("_", "")) : fallback;
    }
}
