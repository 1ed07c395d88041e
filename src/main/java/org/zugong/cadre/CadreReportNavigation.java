package org.zugong.cadre;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

/** The cadre reports in the left navigation, group 干部管理. */
@Configuration(proxyBeanMethods = false)
class CadreReportNavigation {

    static final String GROUP = "干部管理";
    static final int GROUP_ORDER = 20;

    @Bean
    NavigationItem cadreRetirementNavigation() {
        return new NavigationItem(GROUP, GROUP_ORDER, "退休提醒", "/cadres/retirements", Permissions.CADRE_READ, 20);
    }

    @Bean
    NavigationItem cadreTeamNavigation() {
        return new NavigationItem(GROUP, GROUP_ORDER, "班子结构", "/cadres/teams", Permissions.CADRE_READ, 30);
    }
}
