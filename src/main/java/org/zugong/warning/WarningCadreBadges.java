package org.zugong.warning;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.zugong.cadre.CadreBadges;

/** The cadre pages' 红橙黄蓝 badge: the most serious open warning per person, in one query. */
@Component
class WarningCadreBadges implements CadreBadges {

    private final NamedParameterJdbcTemplate jdbc;

    WarningCadreBadges(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> colours(Collection<Long> personIds) {
        Map<Long, String> colours = new HashMap<>();
        if (personIds.isEmpty()) {
            return colours;
        }
        jdbc.query("""
                SELECT person_id, (array_agg(colour ORDER BY CASE colour WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 WHEN 'YELLOW' THEN 2 ELSE 3 END))[1]
                FROM warning WHERE status <> 'CLOSED' AND person_id IN (:persons) GROUP BY person_id""",
                Map.of("persons", List.copyOf(personIds)), rs -> {
                    colours.put(rs.getLong(1), rs.getString(2));
                });
        return colours;
    }
}
