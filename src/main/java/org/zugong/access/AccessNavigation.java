package org.zugong.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class AccessNavigation {

    @Bean
    NavigationItem userNavigation() {
        return new NavigationItem("系统管理", 90, "用户管理", "/admin/users", Permissions.USER_MANAGE, 10);
    }

    @Bean
    NavigationItem unlockNavigation() {
        return new NavigationItem("系统管理", 90, "账号解锁", "/admin/users", Permissions.USER_UNLOCK, 11);
    }

    @Bean
    NavigationItem roleNavigation() {
        return new NavigationItem("系统管理", 90, "角色与权限", "/admin/roles", Permissions.ROLE_MANAGE, 20);
    }
}
