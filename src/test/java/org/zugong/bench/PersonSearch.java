package org.zugong.bench;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The person-list SQL of the application, as text and bindings: the first page (20 rows, ordered by
 * id) and the count, for one county's subtree, in three shapes and with three filters.
 */
record PersonSearch(Shape shape, Filter filter) {

    static final int PAGE_SIZE = 20;

    /** Which statement. */
    enum Shape {
        /** The shape agreed for issue 2: {@code org_id IN (subtree)}, no join, literal LIMIT/OFFSET. */
        AGREED("agreed shape"),
        /** PersonRepository as written: a county user's jurisdiction as {@code o.path LIKE ?} over the joined organization. */
        APP_COUNTY_USER("app, county user"),
        /** PersonRepository as written: a province user who picked a county in the tree (subtree sub-select). */
        APP_PICKED_COUNTY("app, county picked");

        private final String label;

        Shape(String label) {
            this.label = label;
        }
    }

    /** Which filter on top of the subtree. */
    enum Filter {
        NONE(""), SURNAME_WANG(" AND p.name LIKE ?"), AGE_40_TO_45(" AND p.birth_date <= ? AND p.birth_date > ?");

        private final String sql;

        Filter(String sql) {
            this.sql = sql;
        }

        String label() {
            return switch (this) {
                case NONE -> "";
                case SURNAME_WANG -> " + name '王%'";
                case AGE_40_TO_45 -> " + age 40–45";
            };
        }
    }

    private static final String AGREED_COLUMNS =
            "p.id, p.name, p.sex, p.birth_date, p.id_number_cipher, p.org_id, p.education, p.political_status, p.version";
    private static final String APP_COLUMNS = "p.id, p.name, p.sex, p.birth_date, p.id_number_cipher, p.org_id, o.name AS org_name, "
            + "p.ethnicity, p.education, p.political_status";
    private static final String SUBTREE = "p.org_id IN (SELECT o.id FROM org_organization o WHERE o.path LIKE ?)";
    private static final String APP_SUBTREE = "p.org_id IN (SELECT s.id FROM org_organization s WHERE s.path LIKE ?)";

    String label() {
        return shape.label + filter.label();
    }

    String listSql() {
        return switch (shape) {
            case AGREED -> "SELECT " + AGREED_COLUMNS + " FROM person_person p WHERE " + SUBTREE + filter.sql
                    + " ORDER BY p.id LIMIT 20 OFFSET 0";
            case APP_COUNTY_USER, APP_PICKED_COUNTY -> "SELECT " + APP_COLUMNS
                    + " FROM person_person p JOIN org_organization o ON o.id = p.org_id WHERE " + appWhere()
                    + " ORDER BY p.id LIMIT ? OFFSET ?";
        };
    }

    String countSql() {
        return switch (shape) {
            case AGREED -> "SELECT count(*) FROM person_person p WHERE " + SUBTREE + filter.sql;
            case APP_COUNTY_USER, APP_PICKED_COUNTY ->
                    "SELECT count(*) FROM person_person p JOIN org_organization o ON o.id = p.org_id WHERE " + appWhere();
        };
    }

    private String appWhere() {
        return shape == Shape.APP_COUNTY_USER
                ? "p.active AND (o.path LIKE ?)" + filter.sql
                : "p.active AND TRUE AND " + APP_SUBTREE + filter.sql;
    }

    /** The statement with $1, $2 … in place of the question marks, for PREPARE. */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            out.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        return out.toString();
    }

    /** The same values as {@link #bind}, as SQL literals for EXECUTE. */
    String[] literals(County county, boolean list, LocalDate today) {
        java.util.List<String> values = new java.util.ArrayList<>();
        values.add("'" + county.pathPrefix() + "'");
        switch (filter) {
            case NONE -> { }
            case SURNAME_WANG -> values.add("'王%'");
            case AGE_40_TO_45 -> {
                values.add("DATE '" + today.minusYears(40) + "'");
                values.add("DATE '" + today.minusYears(46) + "'");
            }
        }
        if (list && shape != Shape.AGREED) {
            values.add(Integer.toString(PAGE_SIZE));
            values.add("0");
        }
        return values.toArray(String[]::new);
    }

    /** Binds the county (and filter values, and for the application's list the limit and offset). */
    void bind(PreparedStatement s, County county, boolean list, LocalDate today) throws SQLException {
        int i = 1;
        s.setString(i++, county.pathPrefix());
        switch (filter) {
            case NONE -> { }
            case SURNAME_WANG -> s.setString(i++, "王%");
            case AGE_40_TO_45 -> {
                s.setDate(i++, Date.valueOf(today.minusYears(40)));
                s.setDate(i++, Date.valueOf(today.minusYears(46)));
            }
        }
        if (list && shape != Shape.AGREED) {
            s.setInt(i++, PAGE_SIZE);
            s.setLong(i, 0);
        }
    }
}
