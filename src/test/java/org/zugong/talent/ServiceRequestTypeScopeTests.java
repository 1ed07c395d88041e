package org.zugong.talent;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * talent_service_type is one installation-wide table: its default department, SLA days and whether a type is
 * offered may be changed only by a user whose jurisdiction covers the whole installation; a county's 人才办 sets
 * only its own county's department (talent_service_department), and sees the installation-wide fields read-only.
 */
class ServiceRequestTypeScopeTests extends IntegrationTest {

    /**
     * An installation-wide 人才办 (scope ALL, talent:read/write) in the city department, named uniquely (the token
     * cache is per username); {@link #drop} removes it.
     */
    static String installationTalentOffice(JdbcClient jdbc) {
        String name = "citytalent" + System.nanoTime();
        long role = jdbc.sql("INSERT INTO access_role (code, name, data_scope) VALUES (:c, '市委人才办（测试）', 'ALL') RETURNING id")
                .param("c", name.toUpperCase()).query(Long.class).single();
        for (String p : new String[]{"talent:read", "talent:write"}) {
            jdbc.sql("INSERT INTO access_role_permission (role_id, permission) VALUES (:r, :p)").param("r", role).param("p", p).update();
        }
        long user = jdbc.sql("""
                INSERT INTO access_user (username, display_name, password_hash, org_id, password_changed_at, created_by, updated_by)
                SELECT :u, '市委人才办', password_hash, org_id, now(), 'type-scope-test', 'type-scope-test' FROM access_user WHERE username = 'city'
                RETURNING id""").param("u", name).query(Long.class).single();
        jdbc.sql("INSERT INTO access_user_role (user_id, role_id) VALUES (:u, :r)").param("u", user).param("r", role).update();
        return name;
    }

    static void drop(JdbcClient jdbc, String username) {
        jdbc.sql("DELETE FROM access_api_token WHERE user_id = (SELECT id FROM access_user WHERE username = :u)").param("u", username).update();
        jdbc.sql("DELETE FROM access_user_role WHERE user_id = (SELECT id FROM access_user WHERE username = :u)").param("u", username).update();
        jdbc.sql("UPDATE access_user SET enabled = FALSE WHERE username = :u").param("u", username).update();
        jdbc.sql("DELETE FROM access_role_permission WHERE role_id = (SELECT id FROM access_role WHERE code = :c)").param("c", username.toUpperCase())
                .update();
        jdbc.sql("DELETE FROM access_role WHERE code = :c").param("c", username.toUpperCase()).update();
    }

    private String typeRow(String code) {
        return jdbc.sql("SELECT department || ':' || accept_days || ':' || finish_days || ':' || active || ':' || version FROM talent_service_type "
                + "WHERE code = :c").param("c", code).query(String.class).single();
    }

    private int version(String code) {
        return jdbc.sql("SELECT version FROM talent_service_type WHERE code = :c").param("c", code).query(Integer.class).single();
    }

    private void restore() {
        jdbc.sql("UPDATE talent_service_type SET department = '县教育局', accept_days = 2, finish_days = 10, active = TRUE WHERE code = 'CHILD_SCHOOL'")
                .update();
        jdbc.sql("DELETE FROM talent_service_department WHERE type_code = 'CHILD_SCHOOL'").update();
    }

    @Test
    void aCountyTalentOfficeCannotHideATypeOrChangeItsSlaForEveryCounty() throws Exception {
        String before = typeRow("CHILD_SCHOOL");
        long denied = auditCount("ACCESS_DENIED");
        int v = version("CHILD_SCHOOL");
        String[] type = before.split(":");
        // 停用 子女入学 installation-wide: on the page and in the API
        mvc.perform(post("/talent-services/types/CHILD_SCHOOL").session(session("talentoffice")).with(csrf())
                        .param("version", String.valueOf(v)).param("department", type[0]).param("acceptDays", type[1])
                        .param("finishDays", type[2]).param("active", "false"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("只有管辖全市的人才工作机构可以修改")));
        mvc.perform(put("/api/v1/talent-services/types/CHILD_SCHOOL").header("Authorization", bearer("talentoffice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"" + type[0] + "\",\"acceptDays\":9,\"finishDays\":" + type[2] + ",\"version\":" + v + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("只有管辖全市的人才工作机构可以修改")));
        mvc.perform(put("/api/v1/talent-services/types/CHILD_SCHOOL").header("Authorization", bearer("talentoffice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"县人社局\",\"version\":" + v + ",\"countyDepartment\":\"青溪县教育局\"}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(typeRow("CHILD_SCHOOL")).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM talent_service_department WHERE type_code = 'CHILD_SCHOOL'").query(Long.class).single()).isZero();
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 3);
        // the page shows the installation-wide fields read-only: only the county department is an input
        mvc.perform(get("/talent-services/types").session(session("talentoffice"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"acceptDays\""))))
                .andExpect(content().string(not(containsString("name=\"active\""))))
                .andExpect(content().string(containsString("name=\"countyDepartment\"")));
    }

    @Test
    void aCountyTalentOfficeSetsItsOwnCountysDepartmentOnly() throws Exception {
        String before = typeRow("CHILD_SCHOOL");
        try {
            // the page form of a county user sends the version and the county department only
            mvc.perform(post("/talent-services/types/CHILD_SCHOOL").session(session("talentoffice")).with(csrf())
                            .param("version", String.valueOf(version("CHILD_SCHOOL"))).param("countyDepartment", "青溪县教育局"))
                    .andExpect(status().is3xxRedirection());
            assertThat(typeRow("CHILD_SCHOOL")).isEqualTo(before);
            assertThat(jdbc.sql("SELECT county_org_id || ':' || department_name FROM talent_service_department WHERE type_code = 'CHILD_SCHOOL'")
                    .query(String.class).list()).containsExactly(county(1) + ":青溪县教育局");
            // unchanged installation-wide values (as the API's settings return them) are accepted
            String[] type = before.split(":");
            mvc.perform(put("/api/v1/talent-services/types/CHILD_SCHOOL").header("Authorization", bearer("talentoffice"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"department\":\"" + type[0] + "\",\"acceptDays\":" + type[1] + ",\"finishDays\":" + type[2]
                                    + ",\"active\":true,\"version\":" + type[4] + ",\"countyDepartment\":\"青溪县教育和体育局\"}"))
                    .andExpect(status().isOk());
            assertThat(typeRow("CHILD_SCHOOL")).isEqualTo(before);
            assertThat(jdbc.sql("SELECT department_name FROM talent_service_department WHERE type_code = 'CHILD_SCHOOL'").query(String.class).single())
                    .isEqualTo("青溪县教育和体育局");
        } finally {
            restore();
        }
    }

    @Test
    void aUserWhoseJurisdictionCoversTheWholeInstallationChangesTheSlaAndActive() throws Exception {
        String before = typeRow("CHILD_SCHOOL");
        String city = installationTalentOffice(jdbc);
        try {
            String[] type = before.split(":");
            mvc.perform(get("/talent-services/types").session(session(city))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("name=\"acceptDays\"")));
            mvc.perform(put("/api/v1/talent-services/types/CHILD_SCHOOL").header("Authorization", bearer(city))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"department\":\"" + type[0] + "\",\"acceptDays\":0,\"finishDays\":12,\"version\":" + type[4] + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("受理时限须为 1 至 30 个工作日")));
            assertThat(typeRow("CHILD_SCHOOL")).isEqualTo(before);
            mvc.perform(put("/api/v1/talent-services/types/CHILD_SCHOOL").header("Authorization", bearer(city))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"department\":\"县教育局\",\"acceptDays\":4,\"finishDays\":12,\"active\":false,\"version\":" + type[4] + "}"))
                    .andExpect(status().isOk());
            assertThat(typeRow("CHILD_SCHOOL")).isEqualTo("县教育局:4:12:false:" + (Integer.parseInt(type[4]) + 1));
        } finally {
            restore();
            drop(jdbc, city);
        }
    }
}
