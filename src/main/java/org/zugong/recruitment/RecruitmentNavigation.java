package org.zugong.recruitment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class RecruitmentNavigation {

    @Bean
    NavigationItem developmentRecordNavigation() {
        return new NavigationItem("党员发展", 50, "发展党员档案", "/recruitment", Permissions.RECRUITMENT_READ, 10);
    }

    @Bean
    NavigationItem recruitmentAuditNavigation() {
        return new NavigationItem("党员发展", 50, "发展档案排查", "/recruitment/audit", Permissions.RECRUITMENT_READ, 50);
    }
}
