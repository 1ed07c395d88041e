package org.zugong.warning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

/** 监督预警 in the left navigation: the warnings and their statistics. */
@Configuration(proxyBeanMethods = false)
class WarningNavigation {

    @Bean
    NavigationItem warningListNavigation() {
        return new NavigationItem("监督预警", 40, "预警", "/warnings", Permissions.WARNING_READ, 10);
    }

    @Bean
    NavigationItem warningStatsNavigation() {
        return new NavigationItem("监督预警", 40, "预警统计", "/warnings/stats", Permissions.WARNING_READ, 20);
    }
}
