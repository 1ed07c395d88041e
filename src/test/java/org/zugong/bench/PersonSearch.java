package org.zugong.bench;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The person-list SQL of the application, as text and bound values: the first page (20 rows, ordered
 * by id) and the count, for one county's subtree, in several shapes and with three filters.
 */
record PersonSearch(Shape shape, Filter filter) {

    static final int PAGE_SIZE = 20;

    /** Which statement. */
    enum Shape {
        /** The shape agreed for issue 2: {@code org_id IN (subtree)}, no join, literal LIMIT/OFFSET. */
        AGREED("agreed shape"),
        /**
         * PersonRepository/PersonScope as of this writing, a county user (CUSTOM scope on the county):
         * {@code p.active AND p.org_id IN (SELECT jo.id … WHERE (jo.path LIKE ?))}; the list joins the
         * organization for its name and binds LIMIT/OFFSET; the count does not join.
         */
        APP_COUNTY_USER("app, county user"),
        /** The same for a province user (scope ALL, {@code TRUE}) who picked a county in the tree (subtree sub-select). */
        APP_PICKED_COUNTY("app, county picked"),
        /**
         * Proposed: the page as the first 20 ids of each organization of the subtree (LATERAL, one short
         * index range each), merged, then the 20 rows fetched with the organization's name; the count as
         * a sum of per-organization counts. The application's conditions (active, filters); the same
         * rows as APP_PICKED_COUNTY, whatever the order the persons were registered in.
         */
        PER_ORGANIZATION("per-organization shape");

        private final String label;

        Shape(String label) {
            this.label = label;
        }

        static Shape of(String name) {
            return valueOf(name.toUpperCase().replace('-', '_'));
        }
    }

    /** Which filter on top of the subtree. */
    enum Filter {
        NONE, SURNAME_WANG, AGE_40_TO_45;

        String label() {
            return switch (this) {
                case NONE -> "";
                case SURNAME_WANG -> " + name '王%'";
                case AGE_40_TO_45 -> " + age 40–45";
            };
        }

        /** The condition on alias {@code a}, appending its values in order. */
        String sql(String a, List<Object> values, LocalDate today) {
            return switch (this) {
                case NONE -> "";
                case SURNAME_WANG -> {
                    values.add("王%");
                    yield " AND " + a + ".name LIKE ?";
                }
                case AGE_40_TO_45 -> {
                    values.add(Date.valueOf(today.minusYears(40)));
                    values.add(Date.valueOf(today.minusYears(46)));
                    yield " AND " + a + ".birth_date <= ? AND " + a + ".birth_date > ?";
                }
            };
        }
    }

    /** A statement with its values in the order of its question marks. */
    record Bound(String sql, List<Object> values) {

        void bind(PreparedStatement s) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
        }

        /** The statement with $1, $2 … for PREPARE. */
        String numbered() {
            StringBuilder out = new StringBuilder();
            int n = 0;
            for (char ch : sql.toCharArray()) {
                out.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
            }
            return out.toString();
        }

        /** The values as SQL literals, for EXECUTE. */
        String[] literals() {
            return values.stream().map(v -> switch (v) {
                case String s -> "'" + s.replace("'", "''") + "'";
                case Date d -> "DATE '" + d + "'";
                default -> v.toString();
            }).toArray(String[]::new);
        }
    }

    private static final String AGREED_COLUMNS =
            "p.id, p.name, p.sex, p.birth_date, p.id_number_cipher, p.org_id, p.education, p.political_status, p.version";
    private static final String APP_COLUMNS = "p.id, p.name, p.sex, p.birth_date, p.id_number_cipher, p.org_id, o.name AS org_name, "
            + "p.ethnicity, p.education, p.political_status";

    String label() {
        return shape.label + filter.label();
    }

    Bound list(County county, LocalDate today) {
        List<Object> v = new ArrayList<>();
        String sql = switch (shape) {
            case AGREED -> {
                v.add(county.pathPrefix());
                yield "SELECT " + AGREED_COLUMNS + " FROM person_person p WHERE p.org_id IN (SELECT o.id FROM org_organization o "
                        + "WHERE o.path LIKE ?)" + filter.sql("p", v, today) + " ORDER BY p.id LIMIT 20 OFFSET 0";
            }
            case APP_COUNTY_USER, APP_PICKED_COUNTY -> {
                String where = appWhere(county, v, today);
                v.add(PAGE_SIZE);
                v.add(0L);
                yield "SELECT " + APP_COLUMNS + " FROM person_person p JOIN org_organization o ON o.id = p.org_id WHERE  " + where
                        + " ORDER BY p.id LIMIT ? OFFSET ?";
            }
            case PER_ORGANIZATION -> {
                String condition = filter.sql("q", v, today);
                v.add(county.pathPrefix());
                yield "SELECT " + APP_COLUMNS + " FROM person_person p JOIN org_organization o ON o.id = p.org_id WHERE p.id IN ("
                        + "SELECT x.id FROM org_organization s CROSS JOIN LATERAL (SELECT q.id FROM person_person q "
                        + "WHERE q.org_id = s.id AND q.active" + condition + " ORDER BY q.id LIMIT 20) x "
                        + "WHERE s.path LIKE ? ORDER BY x.id LIMIT 20) ORDER BY p.id";
            }
        };
        return new Bound(sql, List.copyOf(v));
    }

    Bound count(County county, LocalDate today) {
        List<Object> v = new ArrayList<>();
        String sql = switch (shape) {
            case AGREED -> {
                v.add(county.pathPrefix());
                yield "SELECT count(*) FROM person_person p WHERE p.org_id IN (SELECT o.id FROM org_organization o WHERE o.path LIKE ?)"
                        + filter.sql("p", v, today);
            }
            case APP_COUNTY_USER, APP_PICKED_COUNTY -> "SELECT count(*) FROM person_person p WHERE " + appWhere(county, v, today);
            case PER_ORGANIZATION -> {
                String condition = filter.sql("q", v, today);
                v.add(county.pathPrefix());
                yield "SELECT coalesce(sum(x.n), 0) FROM org_organization s CROSS JOIN LATERAL (SELECT count(*) AS n "
                        + "FROM person_person q WHERE q.org_id = s.id AND q.active" + condition + ") x WHERE s.path LIKE ?";
            }
        };
        return new Bound(sql, List.copyOf(v));
    }

    private String appWhere(County county, List<Object> v, LocalDate today) {
        v.add(county.pathPrefix());
        String scope = shape == Shape.APP_COUNTY_USER
                ? "p.active AND p.org_id IN (SELECT jo.id FROM org_organization jo WHERE (jo.path LIKE ?))"
                : "p.active AND TRUE AND p.org_id IN (SELECT s.id FROM org_organization s WHERE s.path LIKE ?)";
        return scope + filter.sql("p", v, today);
    }
}
