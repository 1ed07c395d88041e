package org.zugong.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user sets on a scheme, from the page form or the API. Numbers are text so that a wrong entry
 * comes back as a Chinese message at its field; a row with every field blank is dropped.
 */
public record SchemeForm(Long orgId, String name, String unitCategory, String postType,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                         List<Row> indicators, Integer version) {

    /** One indicator row; {@code method} SCORE or LEVELS, {@code levels} as "优秀=100;良好=85;…". */
    public record Row(String name, String description, String weight, String method, String minScore, String maxScore,
                      String levels) {

        static Row blank() {
            return new Row(null, null, null, IndicatorMethod.SCORE.name(), null, null, null);
        }

        boolean unfilled() {
            return SchemeForm.empty(name) && SchemeForm.empty(description) && SchemeForm.empty(weight) && SchemeForm.empty(minScore) && SchemeForm.empty(maxScore) && SchemeForm.empty(levels);
        }

        static Row of(Indicator i) {
            return new Row(i.name(), i.description(), plain(i.weight()), i.method().name(), plain(i.minScore()),
                    plain(i.maxScore()), i.levels().isEmpty() ? null : SchemeLevels.format(i.levels()));
        }
    }

    List<Row> rows() {
        return indicators == null ? List.of() : indicators;
    }

    static SchemeForm blank(Long orgId, int rows) {
        return new SchemeForm(orgId, "", "", "", null, null, new ArrayList<>(), null).withBlankRows(rows);
    }

    static SchemeForm of(SchemeDetail d, int blankRows) {
        Scheme s = d.scheme();
        List<Row> rows = new ArrayList<>(s.indicators().stream().map(Row::of).toList());
        return new SchemeForm(s.orgId(), s.name(), s.unitCategory().name(), s.postType().name(), s.validFrom(), s.validTo(),
                rows, d.version()).withBlankRows(blankRows);
    }

    /** The same form with {@code count} more blank rows at the end (at most 30 rows in all). */
    SchemeForm withBlankRows(int count) {
        List<Row> rows = new ArrayList<>(rows());
        for (int i = 0; i < count && rows.size() < SchemeRegistry.MAX_INDICATORS; i++) {
            rows.add(Row.blank());
        }
        return new SchemeForm(orgId, name, unitCategory, postType, validFrom, validTo, rows, version);
    }

    static boolean empty(String s) {
        return s == null || s.isBlank();
    }

    private static String plain(java.math.BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }
}
