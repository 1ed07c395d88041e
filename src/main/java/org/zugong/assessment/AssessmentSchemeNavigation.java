package org.zugong.assessment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class AssessmentSchemeNavigation {

    @Bean
    NavigationItem assessmentSchemeListNavigation() {
        return new NavigationItem("考核管理", 30, "考核方案", "/assessment/schemes", Permissions.ASSESSMENT_READ, 10);
    }
}
