package org.zugong.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A county node of the data set with the size of its subtree (organizations and persons). */
record County(long id, String path, String name, int organizations, long persons) {

    /** All counties, smallest by persons first. One pass over person_person (seconds; not timed). Counties sit at depth 2: the 4th path element is the county id. */
    static List<County> load(Connection c) throws SQLException {
        List<County> counties = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                WITH county AS (SELECT id, path, name FROM org_organization WHERE kind = 'COUNTY'),
                     org_county AS (SELECT o.id AS org_id, k.id AS county_id
                                    FROM org_organization o JOIN county k ON split_part(o.path, '/', 4) = k.id::text
                                    WHERE o.path LIKE k.path || '%'),
                     orgs AS (SELECT county_id, count(*) AS n FROM org_county GROUP BY county_id),
                     persons AS (SELECT oc.county_id, count(*) AS n FROM person_person p JOIN org_county oc ON oc.org_id = p.org_id
                                 GROUP BY oc.county_id)
                SELECT k.id, k.path, k.name, coalesce(orgs.n, 0), coalesce(persons.n, 0)
                FROM county k LEFT JOIN orgs ON orgs.county_id = k.id LEFT JOIN persons ON persons.county_id = k.id
                """)) {
            while (rs.next()) {
                counties.add(new County(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5)));
            }
        }
        counties.sort(Comparator.comparingLong(County::persons));
        return List.copyOf(counties);
    }

    String pathPrefix() {
        return path + "%";
    }
}
