package org.zugong.assessment;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zugong.person.PersonDetailTab;
import org.zugong.person.Persons;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.security.Permissions;

/** The 考核 tab on the person page: the person's assessments the caller may see, newest first. */
@Controller
class AssessmentPersonTab {

    /** One line of the tab. */
    public record Line(long periodId, String periodName, String kind, String orgName, String stage, String grade, String score,
                       boolean dismissalReview) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AssessmentScope scope;
    private final Persons persons;

    AssessmentPersonTab(NamedParameterJdbcTemplate jdbc, AssessmentScope scope, Persons persons) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.persons = persons;
    }

    @Bean
    static PersonDetailTab assessmentTab() {
        return new PersonDetailTab("assessment", "考核", "/assessment/person-tab/{id}", Permissions.ASSESSMENT_READ, 20);
    }

    @GetMapping("/assessment/person-tab/{personId}")
    @PreAuthorize("hasAuthority('assessment:read')")
    String tab(@PathVariable long personId, Model model) {
        persons.requireVisible(personId);
        SqlCondition j = scope.condition();
        Map<String, Object> params = new java.util.HashMap<>(j.params());
        params.put("p", personId);
        List<Line> lines = jdbc.query("""
                SELECT a.id, a.name, a.kind, a.year, o.name AS org_name, r.stage, r.grade, r.score, r.dismissal_review
                FROM assessment_result r JOIN assessment_period a ON a.id = r.period_id JOIN org_organization o ON o.id = r.org_id
                WHERE r.person_id = :p AND r.included AND """ + " " + j.sql()
                + " ORDER BY a.year DESC, a.kind, a.quarter DESC NULLS FIRST", params, (rs, n) -> {
            boolean annual = "ANNUAL".equals(rs.getString("kind"));
            String grade = rs.getString("grade");
            return new Line(rs.getLong("id"), rs.getString("name"), annual ? "年度" : "平时", rs.getString("org_name"),
                    AssessmentStage.valueOf(rs.getString("stage")).chineseName(),
                    grade == null ? "" : annual ? org.zugong.cadre.AnnualGrade.ofCode(grade).map(org.zugong.cadre.AnnualGrade::chineseName).orElse(grade) : grade,
                    rs.getBigDecimal("score") == null ? "" : rs.getBigDecimal("score").toPlainString(), rs.getBoolean("dismissal_review"));
        });
        model.addAttribute("lines", lines);
        model.addAttribute("personId", personId);
        return "assessment/person-tab :: tab";
    }
}
