package org.zugong.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Links are not rewritten through the resource chain (which looked every link up on the class path under the class
 * loader's locks, serialising page rendering under load), and the version-less webjar links still resolve.
 */
class StaticResourceTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void noResourceUrlEncodingFilterRunsAndVersionLessWebjarLinksStillResolve() throws Exception {
        var registrations = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .filter(r -> r.getFilter() instanceof ResourceUrlEncodingFilter).toList();
        assertThat(registrations).isNotEmpty().allSatisfy(r -> assertThat(r.isEnabled()).isFalse());
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/webjars/bootstrap/css/bootstrap.min.css")));
        mvc.perform(get("/").session(session("city"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"/webjars/htmx.org/dist/htmx.min.js\"")))
                .andExpect(content().string(containsString("\"/webjars/bootstrap/js/bootstrap.bundle.min.js\"")));
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/js/bootstrap.bundle.min.js")).andExpect(status().isOk());
    }
}
