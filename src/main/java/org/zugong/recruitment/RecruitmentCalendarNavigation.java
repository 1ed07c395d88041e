package org.zugong.recruitment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class RecruitmentCalendarNavigation {

    @Bean
    NavigationItem developmentCalendarNavigation() {
        return new NavigationItem("党员发展", 50, "发展日程", "/recruitment/calendar", Permissions.RECRUITMENT_READ, 20);
    }
}
