package org.zugong.recruitment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class MobileMemberNavigation {

    @Bean
    NavigationItem mobileMemberNavigationItem() {
        return new NavigationItem("党员发展", 50, "流动党员", "/recruitment/mobile", Permissions.RECRUITMENT_READ, 40);
    }
}
