package org.zugong.platform.db;

/** User text made safe for a LIKE pattern: its own % and _ match themselves. */
public final class LikePattern {

    private LikePattern() {
    }

    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
