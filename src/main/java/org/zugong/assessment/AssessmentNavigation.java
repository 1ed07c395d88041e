package org.zugong.assessment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class AssessmentNavigation {

    @Bean
    NavigationItem assessmentPeriodNavigation() {
        return new NavigationItem("考核管理", 30, "考核周期", "/assessment/periods", Permissions.ASSESSMENT_READ, 20);
    }
}
