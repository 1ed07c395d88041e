package org.zugong.cadre;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cadre module's facade for annual results decided elsewhere (F24: the assessment module's
 * confirmed results). Writes in batches, rewrites the printed 年度考核结果 of the persons concerned and
 * publishes one {@link AnnualResultsRecorded} for the changed results. Callers check their own jurisdiction.
 */
@Service
@Transactional
public class CadreAnnualResults {

    private final NamedParameterJdbcTemplate jdbc;
    private final CadreRepository repository;
    private final ApplicationEventPublisher events;

    CadreAnnualResults(NamedParameterJdbcTemplate jdbc, CadreRepository repository, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.events = events;
    }

    /** Results of a year for these persons (those with a cadre file and a result). */
    @Transactional(readOnly = true)
    public Map<Long, AnnualGrade> ofYear(int year, Collection<Long> personIds) {
        Map<Long, AnnualGrade> results = new HashMap<>();
        List<Long> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.query("SELECT person_id, code FROM cadre_annual_result WHERE year = :y AND person_id IN (:ids)",
                    Map.of("y", year, "ids", ids.subList(from, Math.min(ids.size(), from + 1000))),
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        long person = rs.getLong(1);
                        AnnualGrade.ofCode(rs.getString(2)).ifPresent(g -> results.put(person, g));
                    });
        }
        return results;
    }

    /**
     * Records confirmed results of a year (persons without a cadre file are skipped and returned), with
     * {@code note} on each row, e.g. the period that confirmed them.
     */
    public List<Long> record(int year, Map<Long, AnnualGrade> grades, String note) {
        String user = org.zugong.platform.security.Actor.current().map(org.zugong.platform.security.Actor::username).orElse("system");
        List<Long> ids = List.copyOf(grades.keySet());
        List<Long> withFile = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            withFile.addAll(jdbc.queryForList("SELECT person_id FROM cadre_profile WHERE person_id IN (:ids)",
                    Map.of("ids", ids.subList(from, Math.min(ids.size(), from + 1000))), Long.class));
        }
        Map<Long, AnnualGrade> before = ofYear(year, withFile);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Long id : withFile) {
            rows.add(Map.of("p", id, "y", year, "c", grades.get(id).code(), "n", note == null ? "" : note));
        }
        jdbc.batchUpdate("""
                INSERT INTO cadre_annual_result (person_id, year, code, note) VALUES (:p, :y, :c, NULLIF(:n, ''))
                ON CONFLICT (person_id, year) DO UPDATE SET code = EXCLUDED.code, note = EXCLUDED.note""",
                rows.stream().map(org.springframework.jdbc.core.namedparam.MapSqlParameterSource::new)
                        .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
        // The printed 年度考核结果: the last three years, as the file page rewrites it.
        for (int from = 0; from < withFile.size(); from += CadreRepository.CHUNK) {
            List<Long> chunk = withFile.subList(from, Math.min(withFile.size(), from + CadreRepository.CHUNK));
            Map<Long, List<AnnualResult>> results = new HashMap<>();
            jdbc.query("SELECT person_id, year, code FROM cadre_annual_result WHERE person_id IN (:ids) ORDER BY person_id, year",
                    Map.of("ids", chunk), (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                            results.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                    .add(new AnnualResult(rs.getInt(2), AnnualGrade.ofCode(rs.getString(3)).orElseThrow(), null)));
            List<Map<String, Object>> texts = new ArrayList<>();
            for (Long id : chunk) {
                texts.add(Map.of("p", id, "t", CadreLrmxMapping.annualText(null, results.getOrDefault(id, List.of())), "u", user));
            }
            jdbc.batchUpdate("UPDATE cadre_profile SET annual_text = :t, version = version + 1, updated_at = now(), updated_by = :u WHERE person_id = :p",
                    texts.stream().map(org.springframework.jdbc.core.namedparam.MapSqlParameterSource::new)
                            .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
        }
        List<Long> changed = withFile.stream().filter(id -> before.get(id) != grades.get(id)).toList();
        if (!changed.isEmpty()) {
            events.publishEvent(new AnnualResultsRecorded(year, changed));
        }
        List<Long> skipped = new ArrayList<>(ids);
        skipped.removeAll(withFile);
        return skipped;
    }
}
