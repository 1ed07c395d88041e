package org.zugong.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.zugong.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Malformed input gets a 4xx with a Chinese reason, never a 500. */
class BadInputTests extends IntegrationTest {

    @Test
    void absurdAgesAreClampedNotAnError() throws Exception {
        mvc.perform(get("/api/v1/persons").param("ageMax", "2147483647").param("ageMin", "-5").header("Authorization", bearer("city")))
                .andExpect(status().isOk());
    }

    @Test
    void aBodyThatIsNotJsonIs415WithAChineseReason() throws Exception {
        mvc.perform(post("/api/v1/persons").header("Authorization", bearer("city")).contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail", containsString("application/json")));
    }

    @Test
    void nonNumericIdsAndBadDatesOnPagesAre400WithAReason() throws Exception {
        var city = session("city");
        mvc.perform(get("/persons/abc").session(city)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("格式不正确")));
        mvc.perform(get("/audit").param("from", "2024-13-01").session(session("auditadmin"))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("yyyy-MM-dd")));
        mvc.perform(post("/organizations/" + county(1) + "/move").session(city).with(csrf()).param("parentId", "1"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("缺少参数")));
    }

    @Test
    void anUnknownApiPathIsAChinese404() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").header("Authorization", bearer("city")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("地址不存在"));
    }

    @Test
    void aPhotoOverTwoMegabytesIsRefusedWithAChineseMessage() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        mvc.perform(multipart("/persons/" + personInCounty(1) + "/photo").file(new MockMultipartFile("photo", "big.jpg", "image/jpeg", big))
                        .session(session("county1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "照片超过 2MB，已拒绝"));
    }
}
