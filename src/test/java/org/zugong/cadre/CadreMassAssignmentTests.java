package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.zugong.IntegrationTest;
import org.zugong.platform.crypto.FieldCipher;

/**
 * Mass assignment (ASVS 8.2.3) on a cadre post: fields the appointment form does not offer (the
 * post's id, another person, its end date, author, version) are ignored, and a unit of another
 * county is refused with nothing stored.
 */
class CadreMassAssignmentTests extends IntegrationTest {

    @Autowired
    FieldCipher cipher;

    private CadreFixture fixture;
    private long cadre;
    private long unit;

    @BeforeEach
    void cadreOfCounty1() {
        fixture = new CadreFixture(jdbc, cipher);
        unit = fixture.unit(county(1), "批量赋值测试单位");
        cadre = fixture.cadre(unit, "赋值测试", "1", LocalDate.of(1980, 3, 10), RetirementGroup.MALE_60);
    }

    @AfterEach
    void cleanup() {
        fixture.cleanup();
    }

    @Test
    void extraFieldsSentWithAnAppointmentAreIgnored() throws Exception {
        long other = fixture.cadre(unit, "旁人", "1", LocalDate.of(1981, 4, 11), RetirementGroup.MALE_60);
        String json = """
                {"orgId":%d,"title":"副局长","method":"委任","startDate":"2025-01-02",
                 "id":1,"personId":%d,"endDate":"2025-06-30","createdBy":"intruder","version":7,"current":false}""".formatted(unit, other);
        int status = mvc.perform(post("/api/v1/cadres/" + cadre + "/posts").header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
        Map<String, Object> post = jdbc.sql("SELECT id, person_id, end_date, created_by, version FROM cadre_post WHERE person_id = :p AND title = '副局长'")
                .param("p", cadre).query().singleRow();
        assertThat(((Number) post.get("id")).longValue()).isNotEqualTo(1L);
        assertThat(post.get("end_date")).isNull();
        assertThat(post.get("created_by")).isEqualTo("county1");
        assertThat(((Number) post.get("version")).intValue()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_post WHERE person_id = :p").param("p", other).query(Long.class).single()).isZero();
    }

    @Test
    void anAppointmentToAUnitOfAnotherCountyIsRefusedAndAudited() throws Exception {
        long denied = auditCount("ACCESS_DENIED");
        String json = """
                {"orgId":%d,"title":"副局长","method":"委任","startDate":"2025-01-02"}""".formatted(county(2));
        int status = mvc.perform(post("/api/v1/cadres/" + cadre + "/posts").header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse().getStatus();
        assertThat(status).isIn(400, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM cadre_post WHERE person_id = :p").param("p", cadre).query(Long.class).single()).isZero();
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThan(denied);
    }
}
