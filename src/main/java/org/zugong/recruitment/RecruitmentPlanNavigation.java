package org.zugong.recruitment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class RecruitmentPlanNavigation {

    @Bean
    NavigationItem developmentPlanNavigation() {
        return new NavigationItem("党员发展", 50, "发展计划", "/recruitment/plans", Permissions.RECRUITMENT_READ, 30);
    }
}
