package org.zugong.cadre;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 简历 text block: one line per period, {@code yyyy.MM--yyyy.MM} then two spaces then the text;
 * an open end (至今) is 7 spaces; a continuation line is indented and has no date prefix.
 */
final class LrmxResume {

    /** Where the text of a line starts: {@code yyyy.MM--yyyy.MM} plus two spaces. */
    static final String INDENT = " ".repeat(18);
    static final String OPEN_END = " ".repeat(7);

    private static final Pattern PERIOD = Pattern.compile(
            "(\\d{4})[.．](\\d{1,2})\\s*(?:--|—|-|～|~)(?:(\\d{4})[.．](\\d{1,2})|)\\s*(.*)");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    private LrmxResume() {
    }

    /** Splits the block into periods; adds a problem for an impossible month or undated first line. */
    static List<LrmxResumeLine> parse(String block, List<LrmxProblem> problems) {
        List<LrmxResumeLine> lines = new ArrayList<>();
        if (block == null) {
            return lines;
        }
        String[] rows = block.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            Matcher m = PERIOD.matcher(row);
            Optional<LrmxResumeLine> period = m.matches() ? period(m) : Optional.empty();
            if (period.isPresent()) {
                lines.add(period.get());
            } else if (m.matches()) {
                problems.add(new LrmxProblem(LrmxElement.JianLi.name(), "简历第" + (i + 1) + "行的起止时间不是有效年月"));
                lines.add(new LrmxResumeLine(null, null, row));
            } else if (lines.isEmpty()) {
                problems.add(new LrmxProblem(LrmxElement.JianLi.name(), "简历第" + (i + 1) + "行缺少起止时间（应为 yyyy.MM--yyyy.MM）"));
                lines.add(new LrmxResumeLine(null, null, row));
            } else {
                LrmxResumeLine last = lines.removeLast();
                lines.add(new LrmxResumeLine(last.from(), last.to(), last.text() + "\n" + row));
            }
        }
        return lines;
    }

    private static Optional<LrmxResumeLine> period(Matcher m) {
        try {
            YearMonth from = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            YearMonth to = m.group(3) == null ? null
                    : YearMonth.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            return Optional.of(new LrmxResumeLine(from, to, m.group(5).strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the block exactly: CRLF between lines, 7 spaces for an open end, indented continuations. */
    static String format(List<LrmxResumeLine> lines) {
        List<String> rows = new ArrayList<>();
        for (LrmxResumeLine line : lines) {
            String[] textRows = (line.text() == null ? "" : line.text()).split("\n", -1);
            String prefix = line.from() == null ? "" : line.from().format(MONTH) + "--"
                    + (line.to() == null ? OPEN_END : line.to().format(MONTH)) + "  ";
            rows.add(prefix + textRows[0]);
            for (int i = 1; i < textRows.length; i++) {
                rows.add(INDENT + textRows[i]);
            }
        }
        return String.join("\r\n", rows);
    }
}
