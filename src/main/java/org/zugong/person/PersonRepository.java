package org.zugong.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.platform.crypto.FieldCipher;
import org.zugong.platform.db.SqlCondition;

/** SQL over person_person; the ID number and phone are encrypted here and nowhere else. */
@Repository
class PersonRepository {

    private static final String DETAIL_COLUMNS = """
            p.id, p.org_id, o.name AS org_name, o.path AS org_path, p.name, p.sex, p.birth_date, p.ethnicity, p.native_place,
            p.id_number_cipher, p.phone_cipher, p.education, p.political_status, p.party_join_date, p.work_start_date,
            p.active, p.version, p.updated_at, p.updated_by,
            EXISTS (SELECT 1 FROM person_photo ph WHERE ph.person_id = p.id) AS has_photo
            """;

    /** One row of the list: no phone, no photo flag, ID number still encrypted until masked. */
    record ListRow(long id, String name, String sex, LocalDate birthDate, byte[] idCipher, long orgId, String orgName,
                   String ethnicity, String education, String politicalStatus) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final FieldCipher cipher;

    PersonRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.named = named;
        this.cipher = cipher;
    }

    /** Records of these persons (at most a few hundred ids per call), in no particular order. */
    List<PersonRecord> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + DETAIL_COLUMNS + " FROM person_person p JOIN org_organization o ON o.id = p.org_id WHERE p.id IN (:ids)")
                .param("ids", ids).query(this::mapDetail).list();
    }

    java.util.Map<Long, Photo> photos(java.util.Collection<Long> ids) {
        java.util.Map<Long, Photo> photos = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT person_id, content_type, content FROM person_photo WHERE person_id IN (:ids)").param("ids", ids)
                    .query(rs -> {
                        photos.put(rs.getLong(1), new Photo(rs.getString(2), rs.getBytes(3)));
                    });
        }
        return photos;
    }

    Optional<PersonRecord> find(long id) {
        return jdbc.sql("SELECT " + DETAIL_COLUMNS + " FROM person_person p JOIN org_organization o ON o.id = p.org_id WHERE p.id = :id")
                .param("id", id).query(this::mapDetail).optional();
    }

    Optional<Long> findIdByIdNumber(String normalizedIdNumber) {
        return jdbc.sql("SELECT id FROM person_person WHERE id_number_index = :idx")
                .param("idx", cipher.blindIndex(normalizedIdNumber)).query(Long.class).optional();
    }

    long insert(PersonForm f, String idNumber, String user) {
        return jdbc.sql("""
                INSERT INTO person_person (org_id, name, sex, birth_date, ethnicity, native_place, id_number_cipher,
                    id_number_index, phone_cipher, education, political_status, party_join_date, work_start_date, created_by, updated_by)
                VALUES (:org, :name, :sex, :birth, :eth, :native, :idc, :idx, :phone, :edu, :pol, :party, :work, :user, :user)
                RETURNING id
                """)
                .param("org", f.orgId()).param("name", f.name().trim()).param("sex", f.sex()).param("birth", f.birthDate())
                .param("eth", blankToNull(f.ethnicity())).param("native", blankToNull(f.nativePlace()))
                .param("idc", cipher.encrypt(idNumber)).param("idx", cipher.blindIndex(idNumber))
                .param("phone", cipher.encrypt(blankToNull(f.phone()))).param("edu", blankToNull(f.education()))
                .param("pol", blankToNull(f.politicalStatus())).param("party", f.partyJoinDate())
                .param("work", f.workStartDate()).param("user", user)
                .query(Long.class).single();
    }

    boolean update(long id, int expectedVersion, PersonForm f, String idNumber, String user) {
        return jdbc.sql("""
                UPDATE person_person SET org_id = :org, name = :name, sex = :sex, birth_date = :birth, ethnicity = :eth,
                    native_place = :native, id_number_cipher = :idc, id_number_index = :idx, phone_cipher = :phone,
                    education = :edu, political_status = :pol, party_join_date = :party, work_start_date = :work,
                    version = version + 1, updated_at = now(), updated_by = :user
                WHERE id = :id AND version = :version
                """)
                .param("org", f.orgId()).param("name", f.name().trim()).param("sex", f.sex()).param("birth", f.birthDate())
                .param("eth", blankToNull(f.ethnicity())).param("native", blankToNull(f.nativePlace()))
                .param("idc", cipher.encrypt(idNumber)).param("idx", cipher.blindIndex(idNumber))
                .param("phone", cipher.encrypt(blankToNull(f.phone()))).param("edu", blankToNull(f.education()))
                .param("pol", blankToNull(f.politicalStatus())).param("party", f.partyJoinDate())
                .param("work", f.workStartDate()).param("user", user).param("id", id).param("version", expectedVersion)
                .update() == 1;
    }

    void savePhoto(long personId, String contentType, byte[] content) {
        jdbc.sql("""
                INSERT INTO person_photo (person_id, content_type, content) VALUES (:id, :type, :content)
                ON CONFLICT (person_id) DO UPDATE SET content_type = EXCLUDED.content_type, content = EXCLUDED.content, updated_at = now()
                """).param("id", personId).param("type", contentType).param("content", content).update();
    }

    Optional<Photo> photo(long personId) {
        return jdbc.sql("SELECT content_type, content FROM person_photo WHERE person_id = :id").param("id", personId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
    }

    record Photo(String contentType, byte[] content) {
    }

    /** The filter of the list for these criteria inside this scope, parameters bound. */
    PersonFilter where(PersonCriteria c, Optional<SqlCondition> scope, Long selfPersonId, String subtreePath, LocalDate today) {
        List<String> orgTerms = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        terms.add(PersonFilter.ACTIVE);
        if (scope.isPresent() && selfPersonId != null) {
            // 仅本人 next to organizations: one OR over the person, so no organization-first plan.
            terms.add("(p.org_id IN (SELECT o.id FROM org_organization o WHERE " + scope.get().sql() + ") OR p.id = :selfPerson)");
            params.putAll(scope.get().params());
            params.put("selfPerson", selfPersonId);
        } else if (scope.isPresent()) {
            orgTerms.add(scope.get().sql());
            params.putAll(scope.get().params());
        }
        if (subtreePath != null) {
            orgTerms.add("o.path LIKE :subtree");
            params.put("subtree", subtreePath + "%");
        }
        if (!c.isBlank(c.name())) {
            terms.add("p.name LIKE :name");
            params.put("name", org.zugong.platform.db.LikePattern.startingWith(c.name().trim()));
        }
        if (!c.isBlank(c.sex())) {
            terms.add("p.sex = :sex");
            params.put("sex", c.sex());
        }
        if (c.ageMin() != null) {
            // at least ageMin full years old: born on or before today minus ageMin years
            terms.add("p.birth_date <= :bornBy");
            params.put("bornBy", today.minusYears(c.ageMin()));
        }
        if (c.ageMax() != null) {
            // at most ageMax full years old: born after today minus (ageMax + 1) years
            terms.add("p.birth_date > :bornAfter");
            params.put("bornAfter", today.minusYears(c.ageMax() + 1L));
        }
        if (!c.isBlank(c.education())) {
            terms.add("p.education = :edu");
            params.put("edu", c.education());
        }
        if (!c.isBlank(c.politicalStatus())) {
            terms.add("p.political_status = :pol");
            params.put("pol", c.politicalStatus());
        }
        return new PersonFilter(orgTerms.isEmpty() ? null : String.join(" AND ", orgTerms), String.join(" AND ", terms), params);
    }

    private static final String LIST_COLUMNS = """
            SELECT p.id, p.name, p.sex, p.birth_date, p.id_number_cipher, p.org_id, o.name AS org_name, p.ethnicity,
                   p.education, p.political_status
            FROM person_person p JOIN org_organization o ON o.id = p.org_id
            """;

    /**
     * One page. In id order with an organization restriction the page starts from the organizations:
     * for each, its first ids through {@code (org_id, id) WHERE active} up to a bound, then the page of those. Its
     * cost is bounded by the number of organizations, where "walk the primary key until 20 match"
     * depends on the id order and reads millions of rows when a county was registered in one block.
     */
    List<ListRow> page(PersonFilter filter, String sort, long offset, int limit) {
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("limit", limit);
        params.put("offset", offset);
        if (filter.restrictsOrganizations() && "p.id".equals(sort)) {
            // Each organization's first match bounds the page: with k = offset + limit, the k-th smallest first id
            // is an upper bound of the page's ids (k organizations have a match at or below it), so only the
            // organizations whose first match lies below it are read further, and only up to it. A county's ~900
            // organizations are probed once for one id each instead of for up to k ids each.
            params.put("k", offset + limit);
            return named.query(LIST_COLUMNS + """
                    WHERE p.id IN (
                        WITH firsts AS MATERIALIZED (
                            SELECT o.id AS org_id, f.id AS first_id FROM org_organization o
                            CROSS JOIN LATERAL (SELECT p.id FROM person_person p WHERE p.org_id = o.id AND %1$s
                                                ORDER BY p.id LIMIT 1) f
                            WHERE %2$s),
                        bound AS (SELECT coalesce((SELECT first_id FROM firsts ORDER BY first_id OFFSET :k - 1 LIMIT 1),
                                                  9223372036854775807) AS t)
                        SELECT x.id FROM firsts f CROSS JOIN bound b
                        CROSS JOIN LATERAL (SELECT p.id FROM person_person p WHERE p.org_id = f.org_id AND %1$s AND p.id <= b.t
                                            ORDER BY p.id LIMIT :k) x
                        WHERE f.first_id <= b.t ORDER BY x.id LIMIT :limit OFFSET :offset)
                    ORDER BY p.id
                    """.formatted(filter.personSql(), filter.orgSql()), params, PersonRepository::mapRow);
        }
        return pageFlat(filter, sort, offset, limit);
    }

    /** The same page by the plain plan: filter every person, then sort. */
    List<ListRow> pageFlat(PersonFilter filter, String sort, long offset, int limit) {
        SqlCondition where = filter.flat();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        params.put("offset", offset);
        return named.query(LIST_COLUMNS + " WHERE " + where.sql() + " ORDER BY " + sort + " LIMIT :limit OFFSET :offset",
                params, PersonRepository::mapRow);
    }

    long count(PersonFilter filter) {
        if (filter.organizationsOnly()) {
            // Every active person of the organizations: the sum of their counters (V35), not a count of persons.
            Long n = named.queryForObject("SELECT coalesce(sum(c.active_persons), 0) FROM person_org_count c"
                    + (filter.restrictsOrganizations() ? " WHERE c.org_id IN (SELECT o.id FROM org_organization o WHERE "
                    + filter.orgSql() + ")" : ""), filter.params(), Long.class);
            return n == null ? 0 : n;
        }
        SqlCondition where = filter.flat();
        Long n = named.queryForObject("SELECT count(*) FROM person_person p WHERE " + where.sql(), where.params(), Long.class);
        return n == null ? 0 : n;
    }

    /** Streams every matching row in id order (for exports), at most {@code limit}. */
    void stream(PersonFilter filter, int limit, Consumer<ListRow> consumer) {
        SqlCondition where = filter.flat();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        jdbc.sql(LIST_COLUMNS + " WHERE " + where.sql() + " ORDER BY p.id LIMIT :limit").params(params).withFetchSize(1000)
                .query((RowCallbackHandler) rs -> consumer.accept(mapRow(rs, 0)));
    }

    String decrypt(byte[] cipherText) {
        return cipher.decrypt(cipherText);
    }

    private PersonRecord mapDetail(ResultSet rs, int n) throws SQLException {
        return new PersonRecord(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                rs.getString("name"), rs.getString("sex"), rs.getObject("birth_date", LocalDate.class), rs.getString("ethnicity"),
                rs.getString("native_place"), cipher.decrypt(rs.getBytes("id_number_cipher")), cipher.decrypt(rs.getBytes("phone_cipher")),
                rs.getString("education"), rs.getString("political_status"), rs.getObject("party_join_date", LocalDate.class),
                rs.getObject("work_start_date", LocalDate.class), rs.getBoolean("active"), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getBoolean("has_photo"));
    }

    private static ListRow mapRow(ResultSet rs, int n) throws SQLException {
        return new ListRow(rs.getLong("id"), rs.getString("name"), rs.getString("sex"), rs.getObject("birth_date", LocalDate.class),
                rs.getBytes("id_number_cipher"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("ethnicity"),
                rs.getString("education"), rs.getString("political_status"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
