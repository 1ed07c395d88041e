package org.zugong.cadre;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.web.FieldErrors;

/**
 * F13 saved searches (常用查询), per user. The stored query is rebuilt from the parsed criteria, never
 * the raw request, so a saved search can hold nothing but the search's own parameters.
 */
@Repository
@Transactional
class SavedSearches {

    static final int MAX_PER_USER = 50;

    /** A saved search: its name and the query string of /cadres. */
    public record SavedSearch(long id, String name, String query) {
    }

    private final JdbcClient jdbc;

    SavedSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<SavedSearch> of(long userId) {
        return jdbc.sql("SELECT id, name, query FROM cadre_saved_search WHERE user_id = :u ORDER BY name")
                .param("u", userId).query((rs, n) -> new SavedSearch(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Saves under a name; the same name replaces the earlier search. */
    void save(long userId, String name, String query) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw FieldErrors.of("name", "请为查询命名");
        }
        if (n.length() > 50) {
            throw FieldErrors.of("name", "名称不能超过50个字");
        }
        long count = jdbc.sql("SELECT count(*) FROM cadre_saved_search WHERE user_id = :u AND name <> :n")
                .param("u", userId).param("n", n).query(Long.class).single();
        if (count >= MAX_PER_USER) {
            throw FieldErrors.of("name", "最多保存" + MAX_PER_USER + "个常用查询，请先删除不用的");
        }
        jdbc.sql("""
                INSERT INTO cadre_saved_search (user_id, name, query) VALUES (:u, :n, :q)
                ON CONFLICT (user_id, name) DO UPDATE SET query = EXCLUDED.query, created_at = now()""")
                .param("u", userId).param("n", n).param("q", query).update();
    }

    /** Deletes one of the user's own searches; someone else's id deletes nothing. */
    boolean delete(long userId, long id) {
        return jdbc.sql("DELETE FROM cadre_saved_search WHERE id = :id AND user_id = :u").param("id", id).param("u", userId).update() == 1;
    }
}
