package org.zugong.person;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class PersonNavigation {

    @Bean
    NavigationItem personListNavigation() {
        return new NavigationItem("基础数据", 10, "人员信息", "/persons", Permissions.PERSON_READ, 20);
    }
}
