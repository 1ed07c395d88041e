package org.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.IntegrationTest;
import org.zugong.cadre.AnnualGrade;
import org.zugong.cadre.RankLeadingPost;
import org.zugong.platform.crypto.FieldCipher;

/**
 * The cadre files the demo load wrote, read back from the database. Other tests share the database and
 * add or edit files; those are left out (a demo file not edited since still says updated_by = demo).
 */
class DemoCadreTests extends IntegrationTest {

    @Autowired
    FieldCipher cipher;

    @Test
    void everyDemoCadreHasAFileInTheirOwnUnitNamedByItsCurrentPost() {
        long persons = jdbc.sql("SELECT count(*) FROM person_person").query(Long.class).single();
        long files = jdbc.sql("SELECT count(*) FROM cadre_profile WHERE created_by = 'demo'").query(Long.class).single();
        assertThat(files).isBetween(500L, 700L).isLessThan(persons);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM cadre_profile c JOIN person_person p ON p.id = c.person_id
                WHERE c.org_id <> p.org_id AND c.updated_by = 'demo'""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id
                WHERE c.updated_by = 'demo' AND (left(c.current_post_text, length(o.name)) <> o.name OR length(c.current_post_text) = length(o.name))""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM cadre_profile c JOIN person_person p ON p.id = c.person_id
                WHERE c.updated_by = 'demo' AND c.party_join_text IS DISTINCT FROM
                      CASE WHEN p.political_status IN ('01', '02') THEN to_char(p.party_join_date, 'YYYYMM') END""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(DISTINCT person_id) FROM cadre_post WHERE end_date IS NULL AND created_by = 'demo'").query(Long.class).single())
                .isEqualTo(files);
    }

    @Test
    void theCurrentValuesAreThoseTheRepositoryWouldCompute() {
        assertThat(jdbc.sql("""
                SELECT count(*) FROM cadre_profile c
                LEFT JOIN cadre_rank r ON r.person_id = c.person_id AND r.end_date IS NULL
                WHERE c.updated_by = 'demo' AND (c.rank IS DISTINCT FROM r.rank OR c.rank_since IS DISTINCT FROM r.start_date)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM (SELECT person_id FROM cadre_rank WHERE end_date IS NULL GROUP BY person_id HAVING count(*) > 1) x")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_rank WHERE start_date < DATE '2019-06-01'").query(Long.class).single()).isZero();
        // the leading post as CadreRepository.refreshCurrentValues orders it
        assertThat(jdbc.sql("""
                SELECT count(*) FROM cadre_profile c
                LEFT JOIN LATERAL (SELECT post_level, start_date FROM cadre_post p
                     WHERE p.person_id = c.person_id AND p.end_date IS NULL AND p.post_level IS NOT NULL
                     ORDER BY array_position(CAST(:levels AS text[]), p.post_level), p.start_date LIMIT 1) cur ON TRUE
                WHERE c.updated_by = 'demo' AND (c.post_level IS DISTINCT FROM cur.post_level OR c.post_since IS DISTINCT FROM cur.start_date)""")
                .param("levels", java.util.Arrays.stream(RankLeadingPost.values()).map(Enum::name)
                        .collect(Collectors.joining(",", "{", "}"))).query(Long.class).single()).isZero();
    }

    @Test
    void theAnnualTextIsThatOfTheLastThreeResults() {
        Map<Long, List<String>> printed = jdbc.sql("SELECT a.person_id, a.year, a.code FROM cadre_annual_result a JOIN cadre_profile c ON c.person_id = a.person_id AND c.updated_by = 'demo' ORDER BY a.person_id, a.year")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2) + "年度考核"
                        + AnnualGrade.ofCode(rs.getString(3)).orElseThrow().printedName()))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, String> texts = jdbc.sql("SELECT person_id, annual_text FROM cadre_profile WHERE updated_by = 'demo' AND annual_text IS NOT NULL")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(printed.keySet()).isEqualTo(texts.keySet());
        texts.forEach((id, text) -> {
            List<String> years = printed.get(id);
            assertThat(text).isEqualTo(String.join("，", years.subList(Math.max(0, years.size() - 3), years.size())));
        });
    }

    @Test
    void everyCountyHasCadreFilesInItsSubtree() {
        List<Long> perCounty = jdbc.sql("""
                SELECT (SELECT count(*) FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id
                        WHERE o.path LIKE k.path || '%')
                FROM org_organization k WHERE k.kind = 'COUNTY' ORDER BY k.id""").query(Long.class).list();
        assertThat(perCounty).hasSize(6).allMatch(n -> n >= 20);
    }

    @Test
    void familyNamesAndWorkplacesAreEncryptedAndDecrypt() {
        List<String[]> members = jdbc.sql("SELECT name_cipher, work_cipher FROM cadre_family ORDER BY person_id, seq LIMIT 200")
                .query((rs, n) -> new String[] {cipher.decrypt(rs.getBytes(1)), cipher.decrypt(rs.getBytes(2))})
                .list();
        assertThat(members).hasSize(200);
        assertThat(members).allMatch(m -> m[0].length() >= 2 && m[0].length() <= 4 && !m[1].isBlank());
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_family f JOIN cadre_profile c ON c.person_id = f.person_id AND c.updated_by = 'demo' WHERE f.name_cipher IS NULL OR f.work_cipher IS NULL")
                .query(Long.class).single()).isZero();
    }
}
