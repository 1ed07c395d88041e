package org.zugong.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The rule versions (warning_rule), their conditions kept as JSON. */
@Repository
class WarningRules {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    WarningRules(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<WarningRule> enabled() {
        return jdbc.sql("SELECT * FROM warning_rule WHERE status = 'ENABLED' ORDER BY colour = 'BLUE', colour = 'YELLOW', colour = 'ORANGE', code")
                .query(this::rule).list();
    }

    List<WarningRule> all() {
        return jdbc.sql("SELECT * FROM warning_rule ORDER BY code, version DESC").query(this::rule).list();
    }

    Optional<WarningRule> find(long id) {
        return jdbc.sql("SELECT * FROM warning_rule WHERE id = :id").param("id", id).query(this::rule).optional();
    }

    String conditionsJson(List<RuleCondition> conditions) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RuleCondition c : conditions) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("fact", c.fact().name());
            m.putAll(c.params());
            list.add(m);
        }
        return json.writeValueAsString(list);
    }

    List<RuleCondition> conditions(String stored) {
        List<RuleCondition> conditions = new ArrayList<>();
        for (Map<String, Object> m : json.readValue(stored, new TypeReference<List<Map<String, Object>>>() { })) {
            Map<String, Object> params = new java.util.LinkedHashMap<>(m);
            FactKind fact = FactKind.valueOf(String.valueOf(params.remove("fact")));
            conditions.add(new RuleCondition(fact, params));
        }
        return conditions;
    }

    private WarningRule rule(ResultSet rs, int n) throws SQLException {
        return new WarningRule(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                WarningColour.valueOf(rs.getString("colour")), conditions(rs.getString("conditions")), rs.getString("message"),
                rs.getString("basis"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
