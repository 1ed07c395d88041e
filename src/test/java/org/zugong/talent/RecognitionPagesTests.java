package org.zugong.talent;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages render for the users who use them, and refused input comes back on the form in Chinese. */
class RecognitionPagesTests extends RecognitionFixture {

    @Test
    void thePagesOfTheOfficeTheEmployerAndTheTalentRender() throws Exception {
        MockHttpSession office = session("talentoffice");
        for (String page : new String[]{"/talent-applications", "/talent-applications/new", "/talent-points", "/talent-points/totals",
                "/talent-points/candidates", "/talents/statistics", "/talents/statistics?year=2025&tier=E&category=科技"}) {
            mvc.perform(get(page).session(office)).andExpect(status().isOk());
        }
        long talentId = jdbc.sql("SELECT t.id FROM talent t JOIN access_user u ON u.person_id = t.person_id WHERE u.username = 'talent1'")
                .query(Long.class).single();
        mvc.perform(get("/talents/{id}", talentId).session(office)).andExpect(content().string(containsString("认定记录")));
        mvc.perform(get("/talent-applications").session(session("unit1"))).andExpect(status().isOk());
        MockHttpSession talent = session("talent1");
        mvc.perform(get("/portal/applications/new").session(talent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("证明材料")));
        // the demo: one application of every stage in county 1
        for (RecognitionStage s : RecognitionStage.values()) {
            mvc.perform(get("/talent-applications").session(office).param("stage", s.name()))
                    .andExpect(content().string(containsString("id=\"application-table\"")));
        }
    }

    @Test
    void refusedInputComesBackOnTheFormInChinese() throws Exception {
        MockHttpSession office = session("talentoffice");
        mvc.perform(multipart("/talent-applications").session(office).with(csrf()).param("personId", Long.toString(freshPerson(1))))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请选择申报的人才层次")));
        mvc.perform(multipart("/talent-points").session(office).with(csrf()).param("personId", Long.toString(freshPerson(1))))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请选择积分项目")));
        long id = apply("E", 5);
        mvc.perform(post("/talent-applications/{id}/steps/review", id).session(office).with(csrf()).param("date", TODAY.toString())
                        .param("passed", "true").param("version", "0"))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().string(containsString("不能办理“人才办审核”")));
    }
}
