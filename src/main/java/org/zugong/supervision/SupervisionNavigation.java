package org.zugong.supervision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class SupervisionNavigation {

    @Bean
    NavigationItem supervisionRecordsNavigation() {
        return new NavigationItem("监督预警", 40, "监督记录", "/supervision", Permissions.SUPERVISION_READ, 10);
    }

    @Bean
    NavigationItem supervisionReportsNavigation() {
        return new NavigationItem("监督预警", 40, "个人有关事项报告", "/supervision/reports", Permissions.SUPERVISION_READ, 20);
    }
}
