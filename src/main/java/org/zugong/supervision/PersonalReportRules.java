package org.zugong.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The numbers of the personal-matters rule set (rules/personal-report-2017.properties): the due day,
 * the spot-check rate, how long a check counts for 凡提必核, who must report and the item kinds.
 */
record PersonalReportRules(String ruleSet, String reference, MonthDay due, int spotCheckRatePercent, int checkValidMonths,
                           List<String> postLevels, List<String> categories, List<String> familyItems,
                           List<String> propertyItems) {

    static final String RESOURCE = "rules/personal-report-2017.properties";

    static PersonalReportRules load() {
        Properties p = new Properties();
        try (InputStream in = PersonalReportRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PersonalReportRules(p.getProperty("ruleSet"), p.getProperty("reference"),
                MonthDay.parse("--" + p.getProperty("due.monthDay").strip()),
                Integer.parseInt(p.getProperty("spotCheck.ratePercent").strip()),
                Integer.parseInt(p.getProperty("check.validMonths").strip()),
                list(p, "reporters.postLevels"), list(p, "reporters.categories"), list(p, "items.family"), list(p, "items.property"));
    }

    private static List<String> list(Properties p, String key) {
        return Arrays.stream(p.getProperty(key, "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The annual report of {@code year} (filed in that year, on the matters as of the year before) is due on this day. */
    LocalDate dueDate(int year) {
        return due.atYear(year);
    }

    List<String> items() {
        return java.util.stream.Stream.concat(familyItems.stream(), propertyItems.stream()).toList();
    }

    /** How many of {@code candidates} a draw at {@code percent} takes: rounded up, at least one when any. */
    static int drawSize(int candidates, int percent) {
        return candidates == 0 ? 0 : Math.max(1, (candidates * percent + 99) / 100);
    }
}
