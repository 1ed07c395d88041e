package org.zugong.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class OrganizationNavigation {

    @Bean
    NavigationItem organizationTreeNavigation() {
        return new NavigationItem("基础数据", 10, "组织机构", "/organizations", Permissions.ORG_READ, 10);
    }
}
