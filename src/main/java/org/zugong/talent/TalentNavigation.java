package org.zugong.talent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class TalentNavigation {

    static final String GROUP = "人才工作";
    static final int GROUP_ORDER = 60;

    @Bean
    NavigationItem talentRegistryNavigation() {
        return new NavigationItem(GROUP, GROUP_ORDER, "人才库", "/talents", Permissions.TALENT_READ, 10);
    }

    /** The talent account's only entry: its portal. */
    @Bean
    NavigationItem talentPortalNavigation() {
        return new NavigationItem("人才服务", 5, "我的首页", "/portal", Permissions.TALENT_SELF, 10);
    }
}
